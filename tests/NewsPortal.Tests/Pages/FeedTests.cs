using System.Net;
using System.Xml.Linq;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>Feeds and sitemap, parsed with an XML parser: well-formed, escaped, pointing at real pages.</summary>
public sealed class FeedTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<(HttpResponseMessage Response, XDocument Xml)> GetXmlAsync(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_rss_feed_is_well_formed_and_escapes_text()
    {
        var hostile = await new NewsItemBuilder().Titled("Fish & chips <b>\"bold\"</b>").On(new DateOnly(2014, 1, 2)).SaveAsync(factory.Services);

        var (response, feed) = await GetXmlAsync("/feed.xml");

        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("2.0", feed.Root!.Attribute("version")!.Value);
        var items = feed.Root.Element("channel")!.Elements("item").ToList();
        Assert.Contains(items, i => i.Element("title")!.Value == "Cybercrime: \"EU-US cooperation a necessity\""
            && i.Element("link")!.Value.EndsWith("/news/cybercrime-eu-us-cooperation-a-necessity"));
        Assert.Contains(items, i => i.Element("title")!.Value == hostile.Title);
    }

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/sections/news/feed.xml")]
    public async Task An_rss_feed_names_its_own_address_as_feed_validators_ask(string path)
    {
        await new NewsItemBuilder().InSection(NewsSection.News).SaveAsync(factory.Services);

        var (_, feed) = await GetXmlAsync(path);

        var self = feed.Root!.Element("channel")!.Elements(Atom + "link").Single();
        Assert.Equal("self", self.Attribute("rel")!.Value);
        Assert.Equal("http://localhost" + path, self.Attribute("href")!.Value);
        Assert.Equal("application/rss+xml", self.Attribute("type")!.Value);
    }

    [Fact]
    public async Task The_atom_feed_is_well_formed_with_entries_that_resolve()
    {
        var (response, feed) = await GetXmlAsync("/feed.atom");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var entry = feed.Root!.Elements(Atom + "entry").First(e => e.Element(Atom + "title")!.Value.StartsWith("Cybercrime"));
        var href = entry.Element(Atom + "link")!.Attribute("href")!.Value;
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(href)).StatusCode);
        Assert.Equal("2012-05-03T00:00:00Z", entry.Element(Atom + "published")!.Value);
    }

    [Fact]
    public async Task Each_section_has_its_own_feeds()
    {
        var speech = await new NewsItemBuilder().Titled($"A speech {Guid.NewGuid():N}").InSection(NewsSection.Speech).SaveAsync(factory.Services);

        var (_, rss) = await GetXmlAsync("/sections/speeches/feed.xml");
        var (_, atom) = await GetXmlAsync("/sections/speeches/feed.atom");

        Assert.Equal([speech.Title], rss.Root!.Element("channel")!.Elements("item").Select(i => i.Element("title")!.Value));
        Assert.Equal([speech.Title], atom.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/sections/nonsense/feed.xml")).StatusCode);
    }

    [Theory]
    [InlineData("/sections/press-releases")]
    [InlineData("/tags/{0}")]
    public async Task A_section_or_tag_feed_belongs_to_its_own_page_and_that_page_announces_it(string pagePath)
    {
        var tag = "feed-home-" + Guid.NewGuid().ToString("N")[..8];
        await new NewsItemBuilder().InSection(NewsSection.PressRelease).Tagged(tag).SaveAsync(factory.Services);
        pagePath = string.Format(pagePath, tag);

        var (_, rss) = await GetXmlAsync(pagePath + "/feed.xml");
        var (_, atom) = await GetXmlAsync(pagePath + "/feed.atom");
        var (_, page) = await factory.CreateClient().GetPageAsync(pagePath);

        // What a feed reader opens as "the website" of the feed, and what it finds on the page the reader is on.
        Assert.EndsWith(pagePath, rss.Root!.Element("channel")!.Element("link")!.Value);
        Assert.EndsWith(pagePath, atom.Root!.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value);
        Assert.Equal(pagePath + "/feed.xml", page.QuerySelector("head link[rel='alternate'][type='application/rss+xml']")!.GetAttribute("href"));
        Assert.Equal(pagePath + "/feed.atom", page.QuerySelector("head link[rel='alternate'][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_section_feed_is_written_by_the_site_not_by_the_section()
    {
        await new NewsItemBuilder().InSection(NewsSection.Video).SaveAsync(factory.Services);

        var (_, site) = await GetXmlAsync("/feed.atom");
        var (_, section) = await GetXmlAsync("/sections/videos/feed.atom");

        static string AuthorOf(XDocument feed) => feed.Root!.Element(Atom + "author")!.Element(Atom + "name")!.Value;
        Assert.Equal(AuthorOf(site), AuthorOf(section));
        Assert.NotEqual(AuthorOf(section), section.Root!.Element(Atom + "title")!.Value);
    }

    [Fact]
    public async Task The_sitemap_lists_public_items_only()
    {
        var draft = await new NewsItemBuilder().WithStatus(NewsStatus.Draft).SaveAsync(factory.Services);

        var (_, sitemap) = await GetXmlAsync("/sitemap.xml");

        var urls = sitemap.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Contains("http://localhost/news/cybercrime-eu-us-cooperation-a-necessity", urls);
        Assert.DoesNotContain(urls, u => u.EndsWith("/" + draft.Slug));
    }

    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_admin_and_names_the_sitemap()
    {
        var text = await factory.CreateClient().GetStringAsync("/robots.txt");

        Assert.Contains("Disallow: /admin", text.Split('\n'));
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", text.Split('\n'));
    }
}
