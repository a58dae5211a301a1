using System.Net;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Hosting;

public sealed class HealthCheckTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Reports_healthy(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
