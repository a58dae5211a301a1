using NewsPortal.Core.News;

namespace NewsPortal.Tests.News;

/// <summary>The one canonical form of original-site addresses (RFC 3986 section 6.2.2), stored and looked up.</summary>
public sealed class OriginalAddressTests
{
    [Theory]
    [InlineData("/a/fake%c3%a5.htm", "/a/fake%C3%A5.htm")]
    [InlineData("/a/fake%41%7e%2d.htm", "/a/fakeA~-.htm")]
    [InlineData("/a/fake page åä.htm", "/a/fake%20page%20%C3%A5%C3%A4.htm")]
    [InlineData("/a/fake%2fpage%3f.htm", "/a/fake%2Fpage%3F.htm")]
    [InlineData("/a/100%.htm", "/a/100%25.htm")]
    [InlineData("/a/fake.htm?lang=en", "/a/fake.htm?lang=en")]
    [InlineData("/a/fake.htm?q=a%2fb/c?d", "/a/fake.htm?q=a%2Fb/c?d")]
    [InlineData("/a/fake.htm?", "/a/fake.htm")]
    [InlineData("/a/fake.htm#top", "/a/fake.htm")]
    public void An_address_is_written_in_its_canonical_form(string address, string canonical) =>
        Assert.Equal(canonical, OriginalAddress.Normalize(address));

    [Fact]
    public void A_canonical_address_stays_as_it_is()
    {
        const string canonical = "/commission_2010-2014/malmstrom/news/archives/2012/05/20120503_2_en.htm?lang=en&x=%C3%A5%2B";
        Assert.Equal(canonical, OriginalAddress.Normalize(OriginalAddress.Normalize(canonical)));
    }

    [Theory]
    [InlineData("/a/fake page åä.htm", "/a/fake%20page%20%C3%A5%C3%A4.htm")]
    [InlineData("/a/fake%20page.htm", "/a/fake%2520page.htm")]
    [InlineData("/a/fake%2Fpage.htm", "/a/fake%2Fpage.htm")]
    public void A_path_decoded_by_the_server_has_the_canonical_form_of_what_was_sent(string decoded, string canonical) =>
        Assert.Equal(canonical, OriginalAddress.FromDecodedPath(decoded));
}
