using AngleSharp.Dom;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>Every public page carries the archived site's chrome, as the original template did.</summary>
public sealed class ArchivedChromeTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    public static TheoryData<string> PublicPages =>
        ["/", "/news", "/news/2012", "/news/cybercrime-eu-us-cooperation-a-necessity", "/sections/speeches", "/search?q=cyber", "/about", "/legal-notice", "/contact", "/no-such-page"];

    private async Task<IDocument> PageAsync(string path) => (await factory.CreateClient().GetPageAsync(path)).Document;

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Shows_the_archive_banner_with_the_archive_date(string path)
    {
        var page = await PageAsync(path);

        Assert.Equal("This site has been archived on (2014/11/18)", page.QuerySelector(".archive-banner-text")!.Text());
        Assert.Equal("18/11/14", page.QuerySelector(".archive-banner-date")!.Text());
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Has_the_three_region_headings_for_screen_readers(string path)
    {
        var page = await PageAsync(path);

        var headings = page.QuerySelectorAll("h2.visually-hidden").Select(h => h.Text()).ToList();
        Assert.Equal(["Navigation path", "Left navigation", "Additional tools"], headings);
        Assert.NotNull(page.QuerySelector("nav.breadcrumb[aria-labelledby='navigation-path-heading']"));
        Assert.NotNull(page.QuerySelector("nav.left-nav[aria-labelledby='left-navigation-heading']"));
        Assert.NotNull(page.QuerySelector("section.tools[aria-labelledby='additional-tools-heading']"));
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Ends_with_the_last_update_and_a_link_to_the_top(string path)
    {
        var page = await PageAsync(path);

        var footer = page.QuerySelector("footer.site-footer")!;
        Assert.Matches(@"^Last update: \d{2}/\d{2}/\d{4} \| Top$", footer.Text());
        var top = footer.QuerySelector("a")!;
        Assert.Equal("#top", top.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("top"));
    }

    [Fact]
    public async Task The_header_shows_the_configured_site_title_and_service_links()
    {
        var page = await PageAsync("/");

        Assert.Equal("Cecilia Malmström", page.QuerySelector(".site-title")!.Text());
        Assert.Equal("Member of the European Commission, responsible for Home Affairs", page.QuerySelector(".site-subtitle")!.Text());
        Assert.Equal(["About this site", "Legal notice", "Contact", "Search"], page.QuerySelectorAll(".service-links a").Select(a => a.Text()));
    }

    [Fact]
    public async Task The_left_navigation_lists_the_sections_and_the_years_with_counts()
    {
        var page = await PageAsync("/");

        var entries = page.QuerySelectorAll(".left-nav > ul > li > a").Select(a => a.Text()).ToList();
        Assert.Equal(["Home", "News", "Speeches", "Press releases", "Videos", "About"], entries);
        var year2012 = page.QuerySelector(".left-nav a[href='/news/2012']")!;
        Assert.Matches(@"^2012 \(\d+\)$", year2012.Text());
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Headings_never_skip_a_level(string path)
    {
        var page = await PageAsync(path);

        // WCAG 1.3.1: a screen reader's list of headings shows the outline; h1 straight to h3 hides a level.
        var levels = page.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1,
            $"h{pair.First} is followed by h{pair.Second}: {string.Join(" ", levels.Select(l => $"h{l}"))}"));
    }

    [Theory]
    [InlineData("/", "Home")]
    [InlineData("/no-such-page", "Page not found")]
    [InlineData("/news/no-such-item", "Page not found")]
    public async Task The_navigation_path_marks_the_page_the_reader_is_on(string path, string current)
    {
        var page = await PageAsync(path);

        Assert.Equal(current, page.QuerySelector("nav.breadcrumb [aria-current='page']")!.Text());
        if (path != "/") Assert.NotNull(page.QuerySelector("nav.breadcrumb a[href='/']"));
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/news", "/news")]
    [InlineData("/news/2012", "/news/2012")]
    [InlineData("/news/2012/05", "/news/2012/05")]
    [InlineData("/sections/speeches", "/sections/speeches")]
    [InlineData("/about", "/about")]
    public async Task The_left_navigation_marks_the_page_being_read(string path, string current)
    {
        var page = await PageAsync(path);

        Assert.Equal([current], page.QuerySelectorAll("nav.left-nav a[aria-current='page']").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_tools_offer_print_text_size_feed_and_share()
    {
        var page = await PageAsync("/news/cybercrime-eu-us-cooperation-a-necessity");
        var tools = page.QuerySelector(".tools")!;

        Assert.Equal("/news/cybercrime-eu-us-cooperation-a-necessity?print=1", tools.QuerySelector("a[data-print]")!.GetAttribute("href"));
        Assert.Equal(["smaller", "larger"], tools.QuerySelectorAll("button[data-text-size]").Select(b => b.GetAttribute("data-text-size")));
        Assert.Equal("/feed.xml", tools.QuerySelector("a[type='application/rss+xml']")!.GetAttribute("href"));
        var share = tools.QuerySelectorAll("a").Single(a => a.Text() == "Share by e-mail").GetAttribute("href")!;
        Assert.StartsWith("mailto:?subject=Cybercrime", share);
        Assert.Contains(Uri.EscapeDataString("/news/cybercrime-eu-us-cooperation-a-necessity"), share);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/news/cybercrime-eu-us-cooperation-a-necessity")]
    [InlineData("/no-such-page")]
    public async Task A_shared_page_arrives_with_the_pages_full_title_as_subject(string path)
    {
        var page = await PageAsync(path);

        var share = page.QuerySelectorAll(".tools a").Single(a => a.Text() == "Share by e-mail").GetAttribute("href")!;
        var subject = System.Web.HttpUtility.ParseQueryString(new Uri(share).Query)["subject"];
        // The site's name included: "Home" alone tells the person receiving it nothing.
        Assert.Equal(page.Title, subject);
    }

    [Theory]
    [InlineData("/news?page=2", "/news?page=2&print=1", "/news?page=2")]
    [InlineData("/search?q=cyber+crime", "/search?q=cyber%20crime&print=1", "/search?q=cyber%20crime")]
    [InlineData("/search?q=cyber&print=1", "/search?q=cyber&print=1", "/search?q=cyber")]
    [InlineData("/no-such-page?from=feed", "/no-such-page?from=feed&print=1", "/no-such-page?from=feed")]
    public async Task Print_and_share_keep_the_page_the_reader_is_on(string address, string print, string shared)
    {
        var tools = (await PageAsync(address)).QuerySelector(".tools")!;

        Assert.Equal(print, tools.QuerySelector("a[data-print]")!.GetAttribute("href"));
        var share = tools.QuerySelectorAll("a").Single(a => a.Text() == "Share by e-mail").GetAttribute("href")!;
        Assert.EndsWith("&body=" + Uri.EscapeDataString("http://localhost" + shared), share);
    }

    [Theory]
    [InlineData("/news?print=1", true)]
    [InlineData("/news?print=0", false)]
    [InlineData("/news?print=", false)]
    [InlineData("/news", false)]
    public async Task Only_print_1_asks_for_the_print_view(string address, bool printView)
    {
        var page = await PageAsync(address);

        Assert.Equal(printView, page.Body!.ClassList.Contains("print-view"));
        Assert.Equal(printView ? "all" : "print", page.QuerySelector("link[href^='/css/print.css']")!.GetAttribute("media"));
    }

    [Fact]
    public async Task The_text_size_buttons_stay_hidden_until_the_script_shows_them()
    {
        var page = await PageAsync("/");

        Assert.All(page.QuerySelectorAll(".text-size-tool"), item => Assert.True(item.HasAttribute("hidden")));
        Assert.NotNull(page.QuerySelector("script[src^='/js/tools.js'][defer]"));
        // The remembered size must be set before the first paint, so its script is neither deferred nor async.
        Assert.NotNull(page.QuerySelector("head script[src^='/js/text-size.js']:not([defer]):not([async])"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task The_print_version_applies_the_print_layout_to_the_screen()
    {
        var normal = await PageAsync("/news/cybercrime-eu-us-cooperation-a-necessity");
        var print = await PageAsync("/news/cybercrime-eu-us-cooperation-a-necessity?print=1");

        Assert.Equal("print", normal.QuerySelector("link[href^='/css/print.css']")!.GetAttribute("media"));
        Assert.Equal("all", print.QuerySelector("link[href^='/css/print.css']")!.GetAttribute("media"));
    }
}
