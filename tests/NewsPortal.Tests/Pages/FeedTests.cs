using System.Xml.Linq;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

public sealed class FeedTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task The_feed_is_well_formed_rss_listing_the_news()
    {
        var hostile = await new NewsItemBuilder().Titled("Fish & chips <b>\"bold\"</b>").On(new DateOnly(2014, 1, 2)).SaveAsync(factory.Services);

        var response = await factory.CreateClient().GetAsync("/feed.xml");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("2.0", feed.Root!.Attribute("version")!.Value);
        var items = feed.Root.Element("channel")!.Elements("item").ToList();
        Assert.Contains(items, i => i.Element("title")!.Value == "Cybercrime: \"EU-US cooperation a necessity\""
            && i.Element("link")!.Value.EndsWith("/news/cybercrime-eu-us-cooperation-a-necessity"));
        Assert.Contains(items, i => i.Element("title")!.Value == hostile.Title);
    }
}
