using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

public sealed class SessionClockFactory : NewsPortalFactory
{
    public AdjustableClock Clock { get; } = new();

    public SessionClockFactory()
    {
        Settings["Security:IdleTimeout"] = "1.00:00:00";
        Settings["Security:AbsoluteTimeout"] = "12:00:00";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>SEC-15: a session ends at its absolute limit even while it is in use.</summary>
public sealed class SessionLifetimeTests(SessionClockFactory factory) : IClassFixture<SessionClockFactory>
{
    [Fact]
    public async Task An_active_session_ends_at_the_absolute_limit()
    {
        var editor = await EditorSession.SignInAsync(factory);

        factory.Clock.Advance(TimeSpan.FromHours(11));
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/admin/items")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        var response = await editor.Client.GetAsync("/admin/items");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/admin/login", response.Headers.Location!.ToString());
    }
}
