using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.News;

/// <summary>The read side for readers: only public items, newest first, no tracking.</summary>
public sealed class NewsQueries(NewsDbContext db, TimeProvider clock, IMemoryCache cache, ContentVersion version, IPublicItemReader items)
{
    // A safety net only: saves, other instances' saves and scheduled items coming due all change the content version.
    private static readonly TimeSpan ChromeCacheLifetime = TimeSpan.FromSeconds(60);

    /// <summary>Data every page's chrome shows, computed once per content version instead of per request.</summary>
    private Task<T> CachedAsync<T>(string key, Func<Task<T>> compute) =>
        cache.GetOrCreateAsync($"news:{version.Value}:{key}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ChromeCacheLifetime;
            return compute();
        })!;

    private static readonly Expression<Func<NewsItem, NewsSummary>> ToSummary =
        i => new NewsSummary(i.Slug, i.Title, i.Summary, i.PublishedOn, i.Language, i.Section, i.UpdatedAtUtc);

    /// <summary>What readers may see now (NewsItem.IsPublicAt says the same in C#).</summary>
    private IQueryable<NewsItem> PublicItems()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.NewsItems.AsNoTracking()
            .Where(i => i.DeletedAtUtc == null)
            .Where(i => i.Status == NewsStatus.Published || (i.Status == NewsStatus.Scheduled && i.PublishAtUtc <= now));
    }

    private static IQueryable<NewsItem> Newest(IQueryable<NewsItem> items) =>
        items.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id);

    /// <summary>One page of the list, or null when the page does not exist (the caller answers 404).</summary>
    public async Task<PagedResult<NewsSummary>?> PageAsync(NewsFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        if (page < 1) return null;
        var items = Filtered(filter);
        // Counting every public item is the slow half of a list page; the count changes only with the content.
        var total = await CachedAsync($"count:{filter}", () => items.CountAsync(ct));
        var result = new PagedResult<NewsSummary>([], page, pageSize, total);
        if (page > result.PageCount) return null;
        var rows = await Newest(items).Skip((page - 1) * pageSize).Take(pageSize).Select(ToSummary).ToListAsync(ct);
        return result with { Items = rows };
    }

    /// <summary>Public items narrowed by year (and month), section and tag.</summary>
    private IQueryable<NewsItem> Filtered(NewsFilter filter)
    {
        var items = PublicItems();
        if (filter.Year is { } year)
        {
            var (first, last) = filter.Month is { } month
                ? (new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)))
                : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            items = items.Where(i => i.PublishedOn >= first && i.PublishedOn <= last);
        }
        if (filter.Section is { } section) items = items.Where(i => i.Section == section);
        if (filter.Tag is { } tag) items = items.Where(i => i.Tags.Contains(tag));
        return items;
    }

    /// <summary>A public item as readers see it (see IPublicItemReader).</summary>
    public Task<NewsItem?> BySlugAsync(string slug, CancellationToken ct = default) =>
        items.FindAsync(db, slug, clock.GetUtcNow().UtcDateTime, ct);

    /// <summary>
    /// The public item that lived at this address on the original site (legacy addresses answer 301). Stored addresses
    /// are canonical (<see cref="OriginalAddress.Normalize"/>, at every save), so the address asked for is made
    /// canonical too and compared as a string: first with its query ("?lang=en"), then without it.
    /// </summary>
    /// <param name="requestTarget">The path and query as the client sent them, percent escapes undecoded.</param>
    public Task<string?> SlugForSourceAddressAsync(string requestTarget, CancellationToken ct = default)
    {
        var exact = OriginalAddress.Normalize(requestTarget)!;
        var path = OriginalAddress.WithoutQuery(exact);
        return PublicItems().Where(i => i.SourceAddress == exact || i.SourceAddress == path)
            .OrderBy(i => i.SourceAddress == exact ? 0 : 1).ThenBy(i => i.Id)
            .Select(i => i.Slug).FirstOrDefaultAsync(ct);
    }

    /// <summary>The saved versions of an item that were public when saved, oldest first (the item's mementos).</summary>
    public async Task<IReadOnlyList<PublicRevision>> PublishedRevisionsAsync(int itemId, CancellationToken ct = default)
    {
        var revisions = await db.Revisions.AsNoTracking().Where(r => r.NewsItemId == itemId).OrderBy(r => r.Number).ToListAsync(ct);
        return revisions.Select(r => new PublicRevision(r.Number, r.CreatedAtUtc, Editing.NewsEditor.ContentOf(r)))
            .Where(r => r.Content.Status == NewsStatus.Published)
            .ToList();
    }

    public Task<int> PublicCountAsync(CancellationToken ct = default) => PublicItems().CountAsync(ct);

    /// <summary>One page of public addresses for the sitemap, in a stable order.</summary>
    public async Task<IReadOnlyList<(string Slug, DateTime UpdatedAtUtc)>> SitemapPageAsync(int skip, int take, CancellationToken ct = default) =>
        (await PublicItems().OrderBy(i => i.Id).Skip(skip).Take(take).Select(i => new { i.Slug, i.UpdatedAtUtc }).ToListAsync(ct))
        .Select(i => (i.Slug, i.UpdatedAtUtc)).ToList();

    /// <summary>The latest public items of a section (or of all), as feeds show them.</summary>
    public async Task<IReadOnlyList<NewsSummary>> LatestAsync(NewsFilter filter, int count, CancellationToken ct = default) =>
        await Newest(Filtered(filter)).Take(count).Select(ToSummary).ToListAsync(ct);

    /// <summary>True when an item once lived at this slug and was deleted (the page answers 410 Gone).</summary>
    /// <summary>The slug now of the public item that had <paramref name="slug"/> before a save renamed it, if any.</summary>
    public Task<string?> RenamedToAsync(string slug, CancellationToken ct = default) =>
        (from former in db.FormerSlugs.AsNoTracking()
         where former.Slug == slug
         join item in PublicItems() on former.NewsItemId equals item.Id
         select item.Slug).FirstOrDefaultAsync(ct);

    public Task<bool> WasDeletedAsync(string slug, CancellationToken ct = default) =>
        db.NewsItems.AnyAsync(i => i.Slug == slug && i.DeletedAtUtc != null, ct);

    public Task<IReadOnlyList<YearCount>> YearsAsync(CancellationToken ct = default) =>
        CachedAsync("years", () => CountYearsAsync(ct));

    // Years and months are counted one date range at a time: a range count reads the date index and nothing else, while
    // grouping by year computed the year of every public item (about 100 ms at 100,000 items, paid after every change).
    private async Task<IReadOnlyList<YearCount>> CountYearsAsync(CancellationToken ct)
    {
        var dates = PublicItems().Select(i => (DateOnly?)i.PublishedOn);
        var (oldest, newest) = (await dates.OrderBy(d => d).FirstOrDefaultAsync(ct), await dates.OrderByDescending(d => d).FirstOrDefaultAsync(ct));
        if (oldest is null || newest is null) return [];
        var years = new List<YearCount>();
        for (var year = newest.Value.Year; year >= oldest.Value.Year; year--)
            if (await CountBetweenAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct) is > 0 and var count)
                years.Add(new YearCount(year, count));
        return years;
    }

    /// <summary>How many public items each month of a year holds (months without items are left out).</summary>
    public Task<IReadOnlyList<MonthCount>> MonthsAsync(int year, CancellationToken ct = default) =>
        CachedAsync($"months:{year}", () => CountMonthsAsync(year, ct));

    private async Task<IReadOnlyList<MonthCount>> CountMonthsAsync(int year, CancellationToken ct)
    {
        var months = new List<MonthCount>();
        for (var month = 1; month <= 12; month++)
            if (await CountBetweenAsync(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), ct) is > 0 and var count)
                months.Add(new MonthCount(year, month, count));
        return months;
    }

    private Task<int> CountBetweenAsync(DateOnly first, DateOnly last, CancellationToken ct) =>
        PublicItems().CountAsync(i => i.PublishedOn >= first && i.PublishedOn <= last, ct);

    /// <summary>When the next scheduled item becomes public, if any is waiting.</summary>
    public Task<DateTime?> NextScheduledPublicationAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.NewsItems.AsNoTracking()
            .Where(i => i.DeletedAtUtc == null && i.Status == NewsStatus.Scheduled && i.PublishAtUtc > now)
            .MinAsync(i => i.PublishAtUtc, ct);
    }

    /// <summary>When public content last changed, for the footer's "Last update".</summary>
    public Task<DateTime?> LastUpdateAsync(CancellationToken ct = default) =>
        // Newest first and the first public one: walks the index on UpdatedAtUtc from its end (MAX read every row).
        CachedAsync("last-update", () => PublicItems().OrderByDescending(i => i.UpdatedAtUtc).Select(i => (DateTime?)i.UpdatedAtUtc).FirstOrDefaultAsync(ct));
}
