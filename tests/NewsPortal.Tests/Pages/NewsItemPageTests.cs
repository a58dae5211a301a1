using System.Net;
using AngleSharp.Dom;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>The seeded archived page as a reader sees it at its stable address.</summary>
public sealed class NewsItemPageTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private const string SeedItemPath = "/news/cybercrime-eu-us-cooperation-a-necessity";

    private async Task<IDocument> SeedItemAsync()
    {
        var (response, document) = await factory.CreateClient().GetPageAsync(SeedItemPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    [Fact]
    public async Task Shows_the_title_and_the_date_as_the_original_did()
    {
        var page = await SeedItemAsync();

        Assert.Equal("Cybercrime: \"EU-US cooperation a necessity\"", page.QuerySelector("article h1")!.Text());
        var date = page.QuerySelector("article .news-date time")!;
        Assert.Equal("3 May 2012", date.Text());
        Assert.Equal("2012-05-03", date.GetAttribute("datetime"));
        Assert.StartsWith("Cybercrime: \"EU-US cooperation a necessity\"", page.Title);
    }

    [Fact]
    public async Task Shows_the_photo_caption_with_the_credit_apart()
    {
        var page = await SeedItemAsync();

        var caption = page.QuerySelector("article figure figcaption")!;
        Assert.Equal("Cecilia Malmström (left), Jane Holl Lute, Deputy U.S. Secretary of Homeland Security, and Christoph Raab from the European Security Round Table at the conference in Washington D.C.",
            caption.QuerySelector(".photo-caption")!.Text());
        Assert.Equal("Photo: CSIS", caption.QuerySelector(".photo-credit")!.Text());
    }

    [Fact]
    public async Task Shows_every_body_paragraph_in_order()
    {
        var page = await SeedItemAsync();

        var paragraphs = page.QuerySelectorAll("article .news-body p").Select(p => p.Text()).ToList();
        Assert.Equal(7, paragraphs.Count);
        Assert.StartsWith("At an international conference in Washington D.C. Wednesday", paragraphs[0]);
        Assert.Contains("\"EU-U.S. cooperation is not a choice, but a necessity\", Malmström said.", paragraphs[0]);
        Assert.StartsWith("The conference on 2 May was organised by the Center for Strategic & International Studies", paragraphs[5]);
        Assert.StartsWith("\"Let's hope that a few new good ideas will be born today.", paragraphs[6]);
    }

    [Fact]
    public async Task Offers_the_full_speech_and_the_video_as_links_with_their_kinds()
    {
        var page = await SeedItemAsync();

        var links = page.QuerySelectorAll("article .related-link").ToList();
        Assert.Equal(2, links.Count);

        var speech = links.Single(l => l.GetAttribute("data-kind") == "speech");
        Assert.Equal("Speech:", speech.QuerySelector(".link-kind")!.Text());
        Assert.Equal("Read Cecilia Malmström's full speech", speech.QuerySelector("a")!.Text());
        // The text dump lost the speech's address; the link leads to the archived original, which has it.
        Assert.Equal("http://ec.europa.eu/archives/commission_2010-2014/malmstrom/news/archives/2012/05/20120503_en.htm",
            speech.QuerySelector("a")!.GetAttribute("href"));

        var video = links.Single(l => l.GetAttribute("data-kind") == "video");
        Assert.Equal("Video:", video.QuerySelector(".link-kind")!.Text());
        Assert.Equal("Watch a video from the conference at csis.org", video.QuerySelector("a")!.Text());
        Assert.Equal("http://csis.org/", video.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Names_the_original_address_and_the_capture_date()
    {
        var page = await SeedItemAsync();

        var source = page.QuerySelector("article .source")!;
        Assert.Equal("/commission_2010-2014/malmstrom/news/archives/2012/05/20120503_en.htm", source.QuerySelector("a")!.Text());
        Assert.Equal("2014-11-18", source.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Leads_back_through_the_navigation_path()
    {
        var page = await SeedItemAsync();

        var steps = page.QuerySelectorAll(".breadcrumb li").Select(li => li.Text()).ToList();
        Assert.Equal(["Home", "News", "Cybercrime: \"EU-US cooperation a necessity\""], steps);
        Assert.Equal("page", page.QuerySelector(".breadcrumb [aria-current]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Draft_items_are_not_public()
    {
        var draft = await new NewsItemBuilder().WithStatus(NewsStatus.Draft).SaveAsync(factory.Services);

        var response = await factory.CreateClient().GetAsync($"/news/{draft.Slug}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Scheduled_items_become_public_at_their_time()
    {
        var due = await new NewsItemBuilder().WithStatus(NewsStatus.Scheduled, DateTime.UtcNow.AddMinutes(-1)).SaveAsync(factory.Services);
        var later = await new NewsItemBuilder().WithStatus(NewsStatus.Scheduled, DateTime.UtcNow.AddDays(1)).SaveAsync(factory.Services);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/news/{due.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/news/{later.Slug}")).StatusCode);
    }

    [Fact]
    public async Task A_Swedish_item_is_marked_as_Swedish_and_dated_in_Swedish()
    {
        var item = await new NewsItemBuilder().Titled("Malmström i Stockholm").InLanguage("sv").On(new DateOnly(2011, 10, 6)).SaveAsync(factory.Services);

        var (_, page) = await factory.CreateClient().GetPageAsync($"/news/{item.Slug}");

        Assert.Equal("sv", page.QuerySelector("article")!.GetAttribute("lang"));
        Assert.Equal("6 oktober 2011", page.QuerySelector("article .news-date")!.Text());
    }

    [Fact]
    public async Task On_a_Swedish_item_the_sites_own_English_words_are_marked_as_English()
    {
        var builder = new NewsItemBuilder().Titled("Ett påhittat testinlägg").InLanguage("sv")
            .FromSourceAddress($"/commission_2010-2014/test-fixture-{Guid.NewGuid():N}/fake_sv.htm");
        var built = builder.Build();
        built.Photo = new NewsPhoto { Caption = "En påhittad bildtext.", Credit = "Testfotograf" };
        built.Links.Add(new NewsLink { Kind = NewsLinkKind.Speech, Text = "Läs hela det påhittade talet" });
        built.Links.Add(new NewsLink { Kind = NewsLinkKind.Video, Text = "Se en påhittad video", Url = "https://example.org/fake-video" });
        var item = await builder.SaveAsync(factory.Services);

        var (_, page) = await factory.CreateClient().GetPageAsync($"/news/{item.Slug}");

        // A screen reader reads each word in the language marked on it or its nearest ancestor (WCAG 3.1.2).
        static string? LanguageOf(IElement element) => element.Closest("[lang]")?.GetAttribute("lang");
        Assert.Equal("sv", LanguageOf(page.QuerySelector(".related-link a")!));
        Assert.Equal("en", LanguageOf(page.QuerySelector(".related-links h2")!));
        Assert.All(page.QuerySelectorAll(".related-link .link-kind"), kind => Assert.Equal("en", LanguageOf(kind)));
        Assert.Equal("en", LanguageOf(page.QuerySelector(".related-link .link-note")!));
        var credit = page.QuerySelector(".photo-credit")!;
        Assert.Equal("Photo: Testfotograf", credit.Text());
        Assert.Equal("en", LanguageOf(credit.QuerySelector("*")!));
    }

    [Fact]
    public async Task Markup_typed_into_a_title_or_body_is_shown_as_text()
    {
        const string hostile = "\"><img src=x onerror=alert(1)></title><script>alert(2)</script>";
        var item = await new NewsItemBuilder().Titled(hostile).WithBody(hostile + "\n\n[x](javascript:alert(3))").SaveAsync(factory.Services);

        var (_, page) = await factory.CreateClient().GetPageAsync($"/news/{item.Slug}");

        Assert.Equal(hostile, page.QuerySelector("article h1")!.Text());
        Assert.Empty(page.QuerySelectorAll("article img, script:not([src]):not([type='application/ld+json'])"));
        var jsonLd = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.Equal(hostile, System.Text.Json.JsonDocument.Parse(jsonLd).RootElement.GetProperty("headline").GetString());
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith(hostile, page.Title);
    }
}
