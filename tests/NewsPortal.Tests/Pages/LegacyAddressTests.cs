using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;
using NewsPortal.Tests.Importing;

namespace NewsPortal.Tests.Pages;

/// <summary>
/// Original addresses with characters a link must percent-encode (spaces, letters outside ASCII) still lead to their
/// item, whether the address was stored encoded (as the importer requires) or as plain text; the answer always stays
/// on this site.
/// </summary>
public sealed class LegacyAddressTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private HttpClient Reader() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/commission_2010-2014/test-fixture-{0}/fake%20page%20%C3%A5%C3%A4.htm")]
    [InlineData("/commission_2010-2014/test-fixture-{0}/fake page åä.htm")]
    public async Task An_original_address_with_spaces_and_accents_answers_301_to_its_item(string stored)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var item = await new NewsItemBuilder().FromSourceAddress(string.Format(stored, marker)).SaveAsync(factory.Services);

        var encoded = await Reader().GetAsync($"/commission_2010-2014/test-fixture-{marker}/fake%20page%20%C3%A5%C3%A4.htm");
        var typed = await Reader().GetAsync($"/commission_2010-2014/test-fixture-{marker}/fake page åä.htm");

        Assert.Equal(HttpStatusCode.MovedPermanently, encoded.StatusCode);
        Assert.Equal($"/news/{item.Slug}", encoded.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, typed.StatusCode);
        Assert.Equal($"/news/{item.Slug}", typed.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/commission_2010-2014/test-fixture-{0}/fake%20page.htm", "/commission_2010-2014/test-fixture-{0}/fake%2520page.htm")]
    [InlineData("/commission_2010-2014/test-fixture-{0}/fake%20page.htm", "/commission_2010-2014/test-fixture-{0}/fake+page.htm")]
    public async Task An_address_that_only_resembles_an_original_one_answers_404(string stored, string asked)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await new NewsItemBuilder().FromSourceAddress(string.Format(stored, marker)).SaveAsync(factory.Services);

        var response = await Reader().GetAsync(string.Format(asked, marker));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("fake%c3%a5.htm", "fake%C3%A5.htm")]
    [InlineData("fake%C3%A5.htm", "fake%c3%a5.htm")]
    [InlineData("fake%41page.htm", "fakeApage.htm")]
    [InlineData("fakeApage.htm", "fake%41page.htm")]
    [InlineData("fake%7epage.htm", "fake~page.htm")]
    [InlineData("fake%2fpage.htm", "fake%2Fpage.htm")]
    [InlineData("fake%2Fpage.htm", "fake%2fpage.htm")]
    public async Task An_original_address_answers_301_however_its_escapes_are_written(string stored, string asked)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var item = await new NewsItemBuilder().FromSourceAddress($"/commission_2010-2014/test-fixture-{marker}/{stored}").SaveAsync(factory.Services);

        var response = await Reader().GetAsync($"/commission_2010-2014/test-fixture-{marker}/{asked}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/news/{item.Slug}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_escaped_slash_is_not_a_slash()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await new NewsItemBuilder().FromSourceAddress($"/commission_2010-2014/test-fixture-{marker}/fake%2Fpage.htm").SaveAsync(factory.Services);

        var response = await Reader().GetAsync($"/commission_2010-2014/test-fixture-{marker}/fake/page.htm");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_original_address_with_a_query_answers_301_to_its_item()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var item = await new NewsItemBuilder().FromSourceAddress($"/commission_2010-2014/test-fixture-{marker}/fake.htm?lang=en").SaveAsync(factory.Services);

        var response = await Reader().GetAsync($"/commission_2010-2014/test-fixture-{marker}/fake.htm?lang=en");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/news/{item.Slug}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_query_the_stored_address_lacks_still_finds_the_item_by_its_path()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var item = await new NewsItemBuilder().FromSourceAddress($"/commission_2010-2014/test-fixture-{marker}/fake.htm").SaveAsync(factory.Services);

        var response = await Reader().GetAsync($"/commission_2010-2014/test-fixture-{marker}/fake.htm?lang=en");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/news/{item.Slug}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_address_with_the_same_query_wins_over_the_bare_path()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var bare = $"/commission_2010-2014/test-fixture-{marker}/fake.htm";
        await new NewsItemBuilder().FromSourceAddress(bare).SaveAsync(factory.Services);
        var swedish = await new NewsItemBuilder().FromSourceAddress(bare + "?lang=sv").SaveAsync(factory.Services);

        var response = await Reader().GetAsync(bare + "?lang=sv");

        Assert.Equal($"/news/{swedish.Slug}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_item_imported_again_with_its_address_escaped_otherwise_is_the_same_item()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        static string Json(string marker, string escapes) => $$"""
            [{ "title": "A fictional test item {{marker}}", "date": "2013-02-03", "summary": "Made up for a test.", "body": "Made up.",
               "sourceAddress": "/commission_2010-2014/test-fixture-{{marker}}/fake{{escapes}}.htm?lang=en" }]
            """;

        var first = await ImportHarness.RunAsync(factory, false, ImportHarness.File("first.json", Json(marker, "%C3%A5%2F")));
        var again = await ImportHarness.RunAsync(factory, false, ImportHarness.File("again.json", Json(marker, "%c3%a5%2f")));
        var response = await Reader().GetAsync($"/commission_2010-2014/test-fixture-{marker}/fake%C3%A5%2F.htm?lang=en");

        Assert.Equal((1, 0), (first.Created, first.Errors));
        Assert.Equal((0, 0, 1), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
    }
}
