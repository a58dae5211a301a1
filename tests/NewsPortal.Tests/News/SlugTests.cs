using NewsPortal.Core.News;

namespace NewsPortal.Tests.News;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Cybercrime: \"EU-US cooperation a necessity\"", "cybercrime-eu-us-cooperation-a-necessity")]
    [InlineData("Malmström in Stockholm", "malmstrom-in-stockholm")]
    [InlineData("Malmstro\u0308m in Stockholm", "malmstrom-in-stockholm")]
    [InlineData("Cyber\u200Bcrime", "cybercrime")]
    [InlineData("News \u202Etxet", "news-txet")]
    [InlineData("  --Hello,   world!--  ", "hello-world")]
    public void Makes_readable_url_safe_slugs(string title, string expected)
    {
        Assert.Equal(expected, Slug.From(title));
    }

    [Fact]
    public void Keeps_slugs_within_the_column_length()
    {
        Assert.True(Slug.From(new string('a', 1000)).Length <= NewsItem.SlugMaxLength);
    }
}
