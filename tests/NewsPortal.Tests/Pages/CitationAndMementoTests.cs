using System.Net;
using System.Text.Json;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>What search engines, citation tools and web archives read from an item page.</summary>
public sealed class CitationAndMementoTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private const string ItemPath = "/news/cybercrime-eu-us-cooperation-a-necessity";
    private const string Original = "http://ec.europa.eu/archives/commission_2010-2014/malmstrom/news/archives/2012/05/20120503_en.htm";

    [Fact]
    public async Task The_page_names_its_canonical_address_and_describes_itself()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync(ItemPath);

        Assert.Equal("http://localhost" + ItemPath, page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("Cybercrime: \"EU-US cooperation a necessity\"", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.StartsWith("At an international conference", page.QuerySelector("meta[name='description']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Json_ld_describes_a_news_article_based_on_the_archived_original()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync(ItemPath);

        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("NewsArticle", json.GetProperty("@type").GetString());
        Assert.Equal("2012-05-03", json.GetProperty("datePublished").GetString());
        Assert.True(DateTime.TryParse(json.GetProperty("dateModified").GetString(), out _));
        Assert.Equal(Original, json.GetProperty("isBasedOn").GetString());
    }

    [Fact]
    public async Task The_cite_block_gives_title_date_original_and_address()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync(ItemPath);

        var citation = page.QuerySelector("section.citation")!.Text();
        Assert.Contains("“Cybercrime: \"EU-US cooperation a necessity\"”. 3 May 2012.", citation);
        Assert.Contains($"Archived on 18 November 2014 from {Original}.", citation);
        Assert.Contains("Available at http://localhost" + ItemPath, citation);
    }

    [Fact]
    public async Task Memento_headers_name_the_original_and_the_timemap_and_every_link_resolves()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync(ItemPath);

        Assert.Equal("Tue, 18 Nov 2014 00:00:00 GMT", response.Headers.GetValues("Memento-Datetime").Single());
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains($"<{Original}>; rel=\"original\"", link);
        Assert.Contains($"<http://localhost{ItemPath}/timemap>; rel=\"timemap\"; type=\"application/link-format\"", link);

        var timemap = await client.GetAsync(ItemPath + "/timemap");
        Assert.Equal("application/link-format", timemap.Content.Headers.ContentType!.MediaType);
        var entries = (await timemap.Content.ReadAsStringAsync()).Split(",\n").Select(e => e.Trim()).ToList();
        Assert.Contains($"<{Original}>; rel=\"original\"", entries);
        Assert.Contains($"<http://localhost{ItemPath}>; rel=\"first memento\"; datetime=\"Tue, 18 Nov 2014 00:00:00 GMT\"", entries);
        foreach (var local in entries.Select(e => e[1..e.IndexOf('>')]).Where(u => u.StartsWith("http://localhost")))
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(local)).StatusCode);
    }

    [Fact]
    public async Task A_published_revision_is_a_later_memento_at_its_own_address()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var response = await editor.SubmitAsync("/admin/items/new", "/admin/items/new",
            new() { ["Title"] = $"Revised {Guid.NewGuid():N}", ["PublishedOn"] = "2013-01-01", ["Status"] = "Published", ["Body"] = "First words." });
        var id = response.Headers.Location!.OriginalString.Split('/')[3];
        var (_, form) = await editor.GetAsync($"/admin/items/{id}/edit");
        var values = EditorSession.FormValues(form.QuerySelector($"form[action='/admin/items/{id}/edit']")!);
        values["Body"] = "Second words.";
        await editor.PostAsync($"/admin/items/{id}/edit", values);
        var slug = values["Slug"];

        var timemap = await (await factory.CreateClient().GetAsync($"/news/{slug}/timemap")).Content.ReadAsStringAsync();
        var (revisionResponse, revision) = await factory.CreateClient().GetPageAsync($"/news/{slug}/revisions/1");

        Assert.Contains($"<http://localhost/news/{slug}/revisions/1>; rel=\"memento\"", timemap);
        Assert.Contains($"<http://localhost/news/{slug}/revisions/2>; rel=\"memento\"", timemap);
        Assert.Equal("First words.", revision.QuerySelector("article .news-body p")!.Text());
        Assert.StartsWith("You are reading revision 1 of this item", revision.QuerySelector(".revision-notice")!.Text());
        Assert.True(revisionResponse.Headers.Contains("Memento-Datetime"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/news/{slug}/revisions/99")).StatusCode);
    }
}
