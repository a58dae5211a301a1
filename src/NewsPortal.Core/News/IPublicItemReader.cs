using NewsPortal.Core.Data;

namespace NewsPortal.Core.News;

/// <summary>
/// Reads the item an item page shows: everything readers see, none of its Markdown source or editors' bookkeeping.
/// It is the one uncached read every link leads to, so each database has the fastest reader it allows. One reader
/// serves the whole site (a singleton); it is handed the request's context for reads that go through EF Core.
/// </summary>
public interface IPublicItemReader
{
    /// <summary>The item at this slug if it is public at <paramref name="utcNow"/>, otherwise null.</summary>
    Task<NewsItem?> FindAsync(NewsDbContext db, string slug, DateTime utcNow, CancellationToken ct = default);
}
