using System.Net;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

public sealed class SearchPageTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task Finds_an_item_by_a_word_in_its_body()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/search?q=Europol");

        Assert.Equal("1 result for “Europol”", page.QuerySelector(".search-summary")!.Text());
        Assert.Equal("/news/cybercrime-eu-us-cooperation-a-necessity", page.QuerySelector(".news-list a")!.GetAttribute("href"));
        Assert.Equal("Europol", page.QuerySelector("#search-query")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("' OR 1=1--")]
    [InlineData("zzzz-nothing-matches")]
    public async Task Treats_the_query_as_plain_words(string query)
    {
        var (response, page) = await factory.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("0 results", page.QuerySelector(".search-summary")!.Text());
    }

    [Fact]
    public async Task Without_a_query_shows_just_the_form()
    {
        var (_, page) = await factory.CreateClient().GetPageAsync("/search");

        Assert.NotNull(page.QuerySelector("form[role='search'] input[name='q']"));
        Assert.Empty(page.QuerySelectorAll(".news-list"));
    }
}
