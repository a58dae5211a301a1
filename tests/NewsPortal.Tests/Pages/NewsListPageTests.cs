using System.Net;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>Seven items from 2013 plus the seeded 2012 page, three to a page.</summary>
public sealed class PagedNewsFactory : NewsPortalFactory, IAsyncLifetime
{
    public PagedNewsFactory()
    {
        Settings["Site:PageSize"] = "3";
        Settings["Site:HomeItemCount"] = "2";
    }

    public async Task InitializeAsync() =>
        await NewsItemBuilder.SaveManyAsync(Services, Enumerable.Range(1, 7).Select(day =>
            new NewsItemBuilder().Titled($"Paged item {day}").On(new DateOnly(2013, 3, day))
                .InSection(day == 4 ? NewsSection.Speech : NewsSection.News)));

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class NewsListPageTests(PagedNewsFactory factory) : IClassFixture<PagedNewsFactory>
{
    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".news-list h2 a, .news-list h3 a").Select(a => a.Text()).ToList();

    [Fact]
    public async Task The_first_page_lists_the_newest_items_first()
    {
        var (response, page) = await factory.CreateClient().GetPageAsync("/news");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Paged item 7", "Paged item 6", "Paged item 5"], Titles(page));
        Assert.Equal("Page 1 of 3 (8 items)", page.QuerySelector(".list-position")!.Text());
    }

    [Fact]
    public async Task Page_links_lead_through_the_whole_list()
    {
        var client = factory.CreateClient();
        var (_, first) = await client.GetPageAsync("/news");

        var links = first.QuerySelectorAll(".pager a").ToDictionary(a => a.Text(), a => a.GetAttribute("href"));
        Assert.Equal("/news?page=2", links["Next"]);
        Assert.Equal("/news?page=3", links["3"]);
        Assert.Equal("1", first.QuerySelector(".pager [aria-current='page']")!.Text());

        var (_, last) = await client.GetPageAsync(links["3"]!);
        Assert.Equal(["Paged item 1", "Cybercrime: \"EU-US cooperation a necessity\""], Titles(last));
        Assert.Equal("/news?page=2", last.QuerySelector(".pager a[rel='prev']")!.GetAttribute("href"));
        Assert.Null(last.QuerySelector(".pager a[rel='next']"));
    }

    [Theory]
    [InlineData("/news?page=4")]
    [InlineData("/news?page=0")]
    [InlineData("/news?page=-1")]
    [InlineData("/news?page=abc")]
    [InlineData("/news?page=99999999999")]
    [InlineData("/news/2013?page=4")]
    [InlineData("/news/2009")]
    [InlineData("/news/2013/07")]
    [InlineData("/tags/no-item-has-this-test-tag")]
    public async Task Pages_that_do_not_exist_answer_404(string path)
    {
        var (response, page) = await factory.CreateClient().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.Text());
    }

    [Fact]
    public async Task A_year_lists_only_that_years_items()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/news/2012");

        Assert.Equal("News from 2012", page.QuerySelector("main h1")!.Text());
        Assert.Equal(["Cybercrime: \"EU-US cooperation a necessity\""], Titles(page));
    }

    [Fact]
    public async Task A_section_lists_only_its_items()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/sections/speeches");

        Assert.Equal("Speeches", page.QuerySelector("main h1")!.Text());
        Assert.Equal(["Paged item 4"], Titles(page));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/sections/nonsense")).StatusCode);
    }

    [Fact]
    public async Task The_home_page_shows_the_configured_number_of_latest_items()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/");

        Assert.Equal(["Paged item 7", "Paged item 6"], Titles(page));
        Assert.Equal("/news", page.QuerySelector("main .more a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Each_listed_item_shows_its_date_and_summary()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/news/2012");

        var entry = page.QuerySelector(".news-summary")!;
        Assert.Equal("3 May 2012", entry.QuerySelector(".news-date")!.Text());
        Assert.StartsWith("At an international conference in Washington D.C.", entry.QuerySelectorAll("p").Last().Text());
    }

    [Fact]
    public async Task A_month_lists_only_that_months_items()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/news/2012/05");

        Assert.Equal("News from May 2012", page.QuerySelector("main h1")!.Text());
        Assert.Equal(["Cybercrime: \"EU-US cooperation a necessity\""], Titles(page));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/news/2012/13")).StatusCode);
    }

    [Fact]
    public async Task Browsing_a_year_shows_its_months_with_counts_in_the_left_navigation()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/news/2013");

        var months = page.QuerySelectorAll(".left-nav ul.months a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("March (7)", "/news/2013/03")], months);
        var (_, home) = await factory.CreateClient().GetPageAsync("/");
        Assert.Empty(home.QuerySelectorAll(".left-nav ul.months"));
    }
}
