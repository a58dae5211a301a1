using System.Net;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>Full-text search (SQLite FTS5): ranking, marked snippets, filters, and safety with any input.</summary>
public sealed class SearchPageTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private async Task<AngleSharp.Dom.IDocument> SearchAsync(string query)
    {
        var (response, page) = await factory.CreateClient().GetPageAsync("/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    [Fact]
    public async Task Finds_an_item_by_a_word_in_its_body_and_marks_it_in_the_snippet()
    {
        var page = await SearchAsync("q=Europol");

        Assert.Equal("1 result for “Europol”", page.QuerySelector(".search-summary")!.Text());
        Assert.Equal("/news/cybercrime-eu-us-cooperation-a-necessity", page.QuerySelector(".search-results a")!.GetAttribute("href"));
        Assert.Equal("Europol", page.QuerySelector(".search-results .snippet mark")!.Text());
        Assert.Equal("Europol", page.QuerySelector("#search-query")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_extract_shows_the_body_as_plain_text_and_link_addresses_are_not_searched()
    {
        var word = "plainextract" + Guid.NewGuid().ToString("N")[..6];
        await new NewsItemBuilder()
            .WithBody($"A **fictional** test sentence with {word} and [a made-up link](https://fakehost{word}.example/page), `code` and ![a fake chart](/media/fake.png).")
            .SaveAsync(factory.Services);

        var found = await SearchAsync("q=" + word);
        var byAddress = await SearchAsync($"q=fakehost{word}");

        var snippet = found.QuerySelector(".search-results .snippet")!.Text();
        // PostgreSQL's extract leaves out the final full stop, so the expected words stop before it.
        Assert.Contains($"fictional test sentence with {word} and a made-up link, code and a fake chart", snippet);
        Assert.Equal(word, found.QuerySelector(".search-results .snippet mark")!.Text());
        Assert.Empty(byAddress.QuerySelectorAll(".search-results h3"));
    }

    [Fact]
    public async Task A_marked_word_keeps_the_punctuation_that_follows_it_without_a_space()
    {
        var word = "snippetcomma" + Guid.NewGuid().ToString("N")[..6];
        await new NewsItemBuilder().WithBody($"A fictional test sentence with {word}, then a few more words for the extract.").SaveAsync(factory.Services);

        var page = await SearchAsync("q=" + word);

        Assert.Contains($"with {word}, then a few", page.QuerySelector(".search-results .snippet")!.Text());
    }

    [Fact]
    public async Task Accents_and_word_beginnings_are_enough()
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString("malmstrom cybercri"));

        Assert.Contains(page.QuerySelectorAll(".search-results h3"), h => h.Text().StartsWith("Cybercrime"));
    }

    [Theory]
    [InlineData("Malmström,Europol")]
    [InlineData("Europol/FBI")]
    [InlineData("Let’s hope")]
    public async Task Punctuation_typed_between_words_separates_them(string query)
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString(query));

        Assert.Contains(page.QuerySelectorAll(".search-results h3"), h => h.Text().StartsWith("Cybercrime"));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        var word = "zephyrine" + Guid.NewGuid().ToString("N")[..6];
        await new NewsItemBuilder().Titled($"Mentions it in passing {Guid.NewGuid():N}").WithBody($"Somewhere in the text: {word}.").SaveAsync(factory.Services);
        await new NewsItemBuilder().Titled($"All about {word}").WithBody("Nothing else.").SaveAsync(factory.Services);

        var page = await SearchAsync("q=" + word);

        Assert.StartsWith("All about", page.QuerySelector(".search-results h3")!.Text());
    }

    [Fact]
    public async Task Saved_changes_are_searchable_at_once_and_drafts_never()
    {
        var word = "quillonaria" + Guid.NewGuid().ToString("N")[..6];
        await new NewsItemBuilder().Titled($"Draft {word}").WithStatus(NewsStatus.Draft).SaveAsync(factory.Services);
        await new NewsItemBuilder().Titled($"Public {word}").SaveAsync(factory.Services);

        var page = await SearchAsync("q=" + word);

        Assert.Equal([$"Public {word}"], page.QuerySelectorAll(".search-results h3").Select(h => h.Text()));
    }

    [Fact]
    public async Task Year_and_section_narrow_the_results()
    {
        var word = "ventrolith" + Guid.NewGuid().ToString("N")[..6];
        await new NewsItemBuilder().Titled($"Speech {word}").InSection(NewsSection.Speech).On(new DateOnly(2013, 2, 2)).SaveAsync(factory.Services);
        await new NewsItemBuilder().Titled($"News {word}").On(new DateOnly(2011, 2, 2)).SaveAsync(factory.Services);

        var bySection = await SearchAsync($"q={word}&section=speeches");
        var byYear = await SearchAsync($"q={word}&year=2011");

        Assert.Equal([$"Speech {word}"], bySection.QuerySelectorAll(".search-results h3").Select(h => h.Text()));
        Assert.Equal([$"News {word}"], byYear.QuerySelectorAll(".search-results h3").Select(h => h.Text()));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("' OR 1=1--")]
    [InlineData("NEAR(a b) AND title:x OR *")]
    [InlineData("\"unbalanced")]
    [InlineData("zzzz-nothing-matches")]
    public async Task Any_input_is_searched_for_as_words_never_run(string query)
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString(query));

        Assert.Matches(@"^\d+ results? for", page.QuerySelector(".search-summary")!.Text());
    }

    [Fact]
    public async Task Without_a_query_shows_just_the_form()
    {
        var page = await SearchAsync("");

        Assert.NotNull(page.QuerySelector("form[role='search'] input[name='q']"));
        Assert.Empty(page.QuerySelectorAll(".search-results"));
    }

    [Fact]
    public async Task Pages_past_the_end_answer_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/search?q=Europol&page=5")).StatusCode);
    }

    [Theory]
    [InlineData("/search?q=eu&year=0")]
    [InlineData("/search?q=eu&year=99999")]
    [InlineData("/tags/Not%01A%20Tag/feed.xml")]
    [InlineData("/tags/%01/feed.atom")]
    public async Task Impossible_filters_answer_404_not_an_error(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(path)).StatusCode);
    }
}
