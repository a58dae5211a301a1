using System.Net;
using System.Xml.Linq;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

public sealed class SmallSitemapFactory : NewsPortalFactory
{
    public SmallSitemapFactory() => Settings["Site:SitemapPageSize"] = "3";
}

/// <summary>Past the per-file limit (50,000 in production, 3 here), the sitemap becomes an index of files.</summary>
public sealed class SitemapSplitTests(SmallSitemapFactory factory) : IClassFixture<SmallSitemapFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task A_large_site_gets_a_sitemap_index_whose_files_list_every_item_once()
    {
        await NewsItemBuilder.SaveManyAsync(factory.Services, Enumerable.Range(1, 6).Select(_ => new NewsItemBuilder()));
        var client = factory.CreateClient();

        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));

        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal(["http://localhost/sitemaps/1.xml", "http://localhost/sitemaps/2.xml", "http://localhost/sitemaps/3.xml"], files);
        var urls = new List<string>();
        foreach (var file in files)
            urls.AddRange(XDocument.Parse(await client.GetStringAsync(file)).Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value));
        Assert.Equal(7, urls.Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemaps/4.xml")).StatusCode);
    }
}
