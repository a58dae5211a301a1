using System.Net;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

public sealed class StaticAssetTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task Every_stylesheet_and_script_a_page_links_is_served()
    {
        var client = factory.CreateClient();
        var (_, page) = await client.GetPageAsync("/");

        var assets = page.QuerySelectorAll("link[rel='stylesheet'][href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")).ToList();
        Assert.Equal(4, assets.Count);
        foreach (var asset in assets)
        {
            // Ask as a browser does: a server that offers compressed copies must have them.
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            Assert.True(body.Length > 100, $"{asset}: {body.Length} bytes");
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        }
    }
}
