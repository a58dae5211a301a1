using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

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
}
