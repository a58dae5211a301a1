using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Editing;

/// <summary>The read side for editors: every status, never deleted items.</summary>
public sealed class EditorQueries(NewsDbContext db)
{
    public async Task<PagedResult<AdminItemRow>?> ListAsync(AdminItemQuery query, CancellationToken ct = default)
    {
        if (query.Page < 1) return null;
        var items = db.NewsItems.AsNoTracking().Where(i => i.DeletedAtUtc == null);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + query.Search.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            // Lower-cased on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
            items = items.Where(i => EF.Functions.Like(i.Title.ToLower(), pattern, "\\"));
        }
        if (query.Status is { } status) items = items.Where(i => i.Status == status);
        if (query.Section is { } section) items = items.Where(i => i.Section == section);

        items = query.Sort switch
        {
            AdminItemSort.DateAsc => items.OrderBy(i => i.PublishedOn).ThenBy(i => i.Id),
            AdminItemSort.TitleAsc => items.OrderBy(i => i.Title).ThenBy(i => i.Id),
            AdminItemSort.TitleDesc => items.OrderByDescending(i => i.Title).ThenBy(i => i.Id),
            AdminItemSort.UpdatedDesc => items.OrderByDescending(i => i.UpdatedAtUtc).ThenByDescending(i => i.Id),
            _ => items.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id),
        };

        var total = await items.CountAsync(ct);
        var result = new PagedResult<AdminItemRow>([], query.Page, query.PageSize, total);
        if (query.Page > result.PageCount) return null;
        var rows = await items.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(i => new AdminItemRow(i.Id, i.Slug, i.Title, i.PublishedOn, i.Status, i.Section, i.UpdatedAtUtc, i.UpdatedBy))
            .ToListAsync(ct);
        return result with { Items = rows };
    }

    /// <summary>The most recently deleted items first (the list is for undoing a mistake, not an archive of its own).</summary>
    public async Task<IReadOnlyList<DeletedItemRow>> DeletedAsync(int count, CancellationToken ct = default) =>
        await db.NewsItems.AsNoTracking().Where(i => i.DeletedAtUtc != null).OrderByDescending(i => i.DeletedAtUtc).ThenByDescending(i => i.Id)
            .Take(count)
            .Select(i => new DeletedItemRow(i.Id, i.Title, i.PublishedOn, i.DeletedAtUtc!.Value, i.DeletedBy, i.Version))
            .ToListAsync(ct);

    public Task<NewsItem?> FindAsync(int id, CancellationToken ct = default) =>
        db.NewsItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.DeletedAtUtc == null, ct);
}
