using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.News;

/// <summary>
/// The item read as an EF Core compiled query: it skips building the query, extracting its parameters and looking it
/// up in EF Core's query cache on each request. Used on PostgreSQL, whose driver prepares repeated statements itself.
/// </summary>
public sealed class CompiledPublicItemReader : IPublicItemReader
{
    // A compiled query binds to the model it first runs with, so it belongs to this reader, one per site, and is never
    // static: the tests run SQLite and PostgreSQL portals in one process. Its filter is NewsQueries.PublicItems()'s,
    // written out because a compiled query cannot call it (the visibility tests cover both).
    private readonly Func<NewsDbContext, string, DateTime, CancellationToken, Task<NewsItem?>> _query =
        EF.CompileAsyncQuery((NewsDbContext db, string slug, DateTime now, CancellationToken ct) => db.NewsItems
            .Where(i => i.DeletedAtUtc == null)
            .Where(i => i.Status == NewsStatus.Published || (i.Status == NewsStatus.Scheduled && i.PublishAtUtc <= now))
            .Where(i => i.Slug == slug)
            .Select(i => new NewsItem
            {
                Id = i.Id, Slug = i.Slug, Title = i.Title, Summary = i.Summary, BodyHtml = i.BodyHtml, PublishedOn = i.PublishedOn,
                Section = i.Section, Language = i.Language, Status = i.Status, PublishAtUtc = i.PublishAtUtc, Photo = i.Photo,
                Links = i.Links, Tags = i.Tags, SourceAddress = i.SourceAddress, ArchivedOn = i.ArchivedOn,
                CreatedAtUtc = i.CreatedAtUtc, UpdatedAtUtc = i.UpdatedAtUtc,
            })
            .FirstOrDefault());

    public Task<NewsItem?> FindAsync(NewsDbContext db, string slug, DateTime utcNow, CancellationToken ct = default) =>
        _query(db, slug, utcNow, ct);
}
