using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>The chrome's counts are cached, but a save shows in them at once.</summary>
public sealed class ChromeCacheTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task A_new_item_shows_in_the_year_counts_and_last_update_right_away()
    {
        var client = factory.CreateClient();
        var (_, before) = await client.GetPageAsync("/");
        Assert.Null(before.QuerySelector(".left-nav a[href='/news/1999']"));

        await new NewsItemBuilder().On(new DateOnly(1999, 12, 31)).SaveAsync(factory.Services);

        var (_, after) = await client.GetPageAsync("/");
        Assert.Equal("1999 (1)", after.QuerySelector(".left-nav a[href='/news/1999']")!.Text());
        Assert.Equal(DateTime.UtcNow.ToString("dd/MM/yyyy"), after.QuerySelector("footer.site-footer")!.Text()[13..23]);
    }
}
