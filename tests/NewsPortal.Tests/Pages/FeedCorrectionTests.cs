using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>
/// A corrected item shows as updated in the Atom feed (entry and feed), so feed readers fetch it again; its publication
/// date stays what it was. The clock moves a day between save and correction, so the two saves never share a second.
/// </summary>
public sealed class FeedCorrectionTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly NewsPortalFactory _factory = new();
    private readonly AdjustableClock _clock = new();

    public FeedCorrectionTests() => _factory.TestServices = services => services.AddSingleton<TimeProvider>(_clock);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_atom_entry_is_updated_when_its_item_is_saved_again_and_keeps_its_publication_date()
    {
        var tag = $"corrections-{Guid.NewGuid():N}";
        var item = await new NewsItemBuilder().Tagged(tag).On(new DateOnly(2013, 4, 5)).SaveAsync(_factory.Services);
        using var reader = _factory.CreateClient();
        var before = XDocument.Parse(await reader.GetStringAsync($"/tags/{tag}/feed.atom"));

        _clock.Advance(TimeSpan.FromDays(1));
        var corrected = await CorrectSummaryAsync(item.Id);
        var after = XDocument.Parse(await reader.GetStringAsync($"/tags/{tag}/feed.atom"));

        var entryBefore = before.Root!.Element(Atom + "entry")!;
        var entryAfter = after.Root!.Element(Atom + "entry")!;
        Assert.Equal("2013-04-05T00:00:00Z", entryBefore.Element(Atom + "published")!.Value);
        Assert.Equal(Timestamp(item.UpdatedAtUtc), entryBefore.Element(Atom + "updated")!.Value);
        Assert.Equal("2013-04-05T00:00:00Z", entryAfter.Element(Atom + "published")!.Value);
        Assert.Equal(Timestamp(corrected), entryAfter.Element(Atom + "updated")!.Value);
        Assert.Equal(Timestamp(corrected), after.Root.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public async Task The_rss_channel_says_when_it_last_changed_while_items_keep_their_publication_date()
    {
        var tag = $"corrections-{Guid.NewGuid():N}";
        var item = await new NewsItemBuilder().Tagged(tag).On(new DateOnly(2013, 4, 5)).SaveAsync(_factory.Services);
        _clock.Advance(TimeSpan.FromDays(1));
        var corrected = await CorrectSummaryAsync(item.Id);

        var rss = XDocument.Parse(await _factory.CreateClient().GetStringAsync($"/tags/{tag}/feed.xml"));

        var channel = rss.Root!.Element("channel")!;
        Assert.Equal(corrected.ToString("r", CultureInfo.InvariantCulture), channel.Element("lastBuildDate")!.Value);
        Assert.Equal("Fri, 05 Apr 2013 00:00:00 GMT", channel.Element("item")!.Element("pubDate")!.Value);
    }

    private async Task<DateTime> CorrectSummaryAsync(int id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var item = await db.NewsItems.SingleAsync(i => i.Id == id);
        item.Summary = "A summary corrected by a test.";
        scope.ServiceProvider.GetRequiredService<NewsWriter>().Update(item, "test");
        await db.SaveChangesAsync();
        return item.UpdatedAtUtc;
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
