using System.Net;
using System.Text;
using System.Xml.Linq;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;
using NewsPortal.Tests.Importing;

namespace NewsPortal.Tests.Pages;

public sealed class TagTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task An_item_links_its_tags_and_each_tag_has_a_page_and_feeds()
    {
        var tag = "tag-" + Guid.NewGuid().ToString("N")[..8];
        var item = await new NewsItemBuilder().Titled($"Tagged item {tag}").Tagged(tag, "Asylum Policy").SaveAsync(factory.Services);
        await new NewsItemBuilder().Titled($"Untagged {tag}").SaveAsync(factory.Services);
        var client = factory.CreateClient();

        var (_, itemPage) = await client.GetPageAsync($"/news/{item.Slug}");
        var (response, tagPage) = await client.GetPageAsync($"/tags/{tag}");
        var rss = XDocument.Parse(await client.GetStringAsync($"/tags/{tag}/feed.xml"));
        var atom = XDocument.Parse(await client.GetStringAsync($"/tags/{tag}/feed.atom"));

        Assert.Equal([$"/tags/{tag}", "/tags/asylum-policy"], itemPage.QuerySelectorAll(".tags a[rel='tag']").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([item.Title], tagPage.QuerySelectorAll(".news-list h2").Select(h => h.Text()));
        Assert.Equal([item.Title], rss.Root!.Element("channel")!.Elements("item").Select(i => i.Element("title")!.Value));
        Assert.Single(atom.Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tags/Not%20A%20Slug")).StatusCode);
    }

    [Fact]
    public async Task A_tag_whose_items_are_not_public_has_no_page()
    {
        var tag = "draft-only-" + Guid.NewGuid().ToString("N")[..8];
        await new NewsItemBuilder().Tagged(tag).WithStatus(NewsPortal.Core.News.NewsStatus.Draft).SaveAsync(factory.Services);

        var (response, page) = await factory.CreateClient().GetPageAsync($"/tags/{tag}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.Text());
    }

    [Theory]
    [InlineData("feed.xml")]
    [InlineData("feed.atom")]
    public async Task A_tag_whose_items_are_not_public_has_no_feed(string feed)
    {
        var tag = "draft-feed-" + Guid.NewGuid().ToString("N")[..8];
        await new NewsItemBuilder().Tagged(tag).WithStatus(NewsPortal.Core.News.NewsStatus.Draft).SaveAsync(factory.Services);

        var response = await factory.CreateClient().GetAsync($"/tags/{tag}/{feed}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Tags_come_in_through_every_import_format_and_go_out_in_the_export()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var json = $$"""[{"title": "Json tagged {{marker}}", "date": "2013-01-01", "tags": ["Borders", "borders", "Visa"]}]""";
        var csv = $"title,date,tags\nCsv tagged {marker},2013-01-02,Borders; Schengen\n";
        var markdown = $"---\ntitle: Markdown tagged {marker}\ndate: 2013-01-03\ntags: [borders]\n---\nBody\n";

        var report = await ImportHarness.RunAsync(factory, dryRun: false,
            ImportHarness.File("a.json", json), ImportHarness.File("b.csv", csv), ImportHarness.File("c.md", markdown));

        Assert.True(report.Applied, string.Join("; ", report.ErrorMessages));
        var (_, page) = await factory.CreateClient().GetPageAsync("/tags/borders");
        var titles = page.QuerySelectorAll(".news-list h2").Select(h => h.Text()).ToList();
        Assert.Contains($"Json tagged {marker}", titles);
        Assert.Contains($"Csv tagged {marker}", titles);
        Assert.Contains($"Markdown tagged {marker}", titles);
        var editor = await EditorSession.SignInAsync(factory);
        var export = await editor.Client.GetStringAsync("/admin/export?format=json");
        Assert.Contains("\"tags\": [\n      \"borders\",\n      \"visa\"\n    ]", export.Replace("\r", ""));
    }

    [Fact]
    public async Task Editors_type_tags_separated_by_commas()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var title = $"Editor tagged {Guid.NewGuid():N}";

        var response = await editor.SubmitAsync("/admin/items/new", "/admin/items/new",
            new() { ["Title"] = title, ["PublishedOn"] = "2013-05-05", ["Status"] = "Published", ["Tags"] = "Home Affairs, home affairs , Europol" });
        var (_, form) = await editor.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("home-affairs, europol", form.QuerySelector("input[name='Tags']")!.GetAttribute("value"));
    }

    private static string[] DistinctTags(int count) => Enumerable.Range(1, count).Select(i => $"Topic {i}").ToArray();

    [Fact]
    public async Task More_than_20_tags_in_the_item_form_are_refused_with_the_limit_and_everything_typed_is_kept()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var title = $"Over-tagged {Guid.NewGuid():N}";
        var typed = string.Join(", ", DistinctTags(23));

        var response = await editor.SubmitAsync("/admin/items/new", "/admin/items/new",
            new() { ["Title"] = title, ["PublishedOn"] = "2013-05-05", ["Status"] = "Published", ["Body"] = "Kept body", ["Tags"] = typed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("The item has 23 different tags; at most 20 are allowed; remove 3.", form.QuerySelector("[data-valmsg-for='Tags']")!.Text());
        Assert.Equal(typed, form.QuerySelector("input[name='Tags']")!.GetAttribute("value"));
        Assert.Equal(title, form.QuerySelector("input[name='Title']")!.GetAttribute("value"));
        Assert.Equal("Kept body", form.QuerySelector("textarea[name='Body']")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/news/{NewsPortal.Core.News.Slug.From(title)}")).StatusCode);
    }

    [Fact]
    public async Task Twenty_different_tags_are_accepted_however_often_each_is_repeated()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var tags = DistinctTags(20);

        var response = await editor.SubmitAsync("/admin/items/new", "/admin/items/new",
            new() { ["Title"] = $"Fully tagged {Guid.NewGuid():N}", ["PublishedOn"] = "2013-05-05", ["Status"] = "Published", ["Tags"] = string.Join(", ", tags.Concat(tags)) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, form) = await editor.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(20, form.QuerySelector("input[name='Tags']")!.GetAttribute("value")!.Split(", ").Length);
    }

    [Fact]
    public async Task An_imported_record_with_more_than_20_tags_is_an_error_naming_the_limit_and_nothing_is_imported()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var fine = ImportHarness.JsonItem($"Fine {marker}");
        var overTagged = ImportHarness.JsonItem($"Over-tagged {marker}", extra: $", \"tags\": [{string.Join(", ", DistinctTags(21).Select(t => $"\"{t}\""))}]");
        var before = await ImportHarness.ContentStateAsync(factory);

        var report = await ImportHarness.RunAsync(factory, dryRun: false, ImportHarness.File("items.json", $"[{fine}, {overTagged}]"));

        Assert.False(report.Applied);
        Assert.Equal(["items.json, record 2: the item has 21 different tags; at most 20 are allowed"], report.ErrorMessages);
        Assert.Equal(before, await ImportHarness.ContentStateAsync(factory));
    }
}
