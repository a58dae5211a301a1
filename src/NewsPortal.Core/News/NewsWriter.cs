using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Rendering;

namespace NewsPortal.Core.News;

/// <summary>Every write of an item goes through here, so the stored HTML, timestamps and version never drift.</summary>
public sealed class NewsWriter(NewsDbContext db, MarkdownRenderer markdown, TimeProvider clock)
{
    /// <summary>Prepares a new item for saving; the caller saves, so several can share one transaction.</summary>
    public async Task AddAsync(NewsItem item, string? user, CancellationToken ct = default)
    {
        item.Slug = await UniqueSlugAsync(string.IsNullOrEmpty(item.Slug) ? Slug.From(item.Title) : item.Slug, ct);
        AddWithCheckedSlug(item, user);
    }

    /// <summary>Like <see cref="AddAsync"/> for callers that have already made sure the slug is free (bulk imports).</summary>
    public void AddWithCheckedSlug(NewsItem item, string? user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        item.CreatedAtUtc = now;
        item.CreatedBy = user;
        Touch(item, user, now);
        db.NewsItems.Add(item);
    }

    /// <summary>Marks a tracked item as changed: fresh HTML, timestamp and concurrency version.</summary>
    public void Update(NewsItem item, string? user) => Touch(item, user, clock.GetUtcNow().UtcDateTime);

    /// <summary>The slug itself when free, else the first free "slug-2", "slug-3"... (also among unsaved items).</summary>
    public async Task<string> UniqueSlugAsync(string slug, CancellationToken ct = default)
    {
        var candidate = slug;
        for (var n = 2; await IsTakenAsync(candidate, ct); n++)
            candidate = $"{slug[..Math.Min(slug.Length, NewsItem.SlugMaxLength - 6)]}-{n}";
        return candidate;
    }

    private async Task<bool> IsTakenAsync(string slug, CancellationToken ct) =>
        db.NewsItems.Local.Any(i => i.Slug == slug) || await db.NewsItems.AnyAsync(i => i.Slug == slug, ct);

    /// <summary>What is stored from the body: the HTML pages show and the plain text search reads.</summary>
    public void Render(NewsItem item)
    {
        item.BodyHtml = markdown.ToHtml(item.Body);
        item.BodyText = markdown.ToPlainText(item.Body);
    }

    private void Touch(NewsItem item, string? user, DateTime now)
    {
        Render(item);
        // Stored canonical, so the legacy redirect and re-imports find an address however its escapes were written.
        item.SourceAddress = OriginalAddress.Normalize(item.SourceAddress);
        item.UpdatedAtUtc = now;
        item.UpdatedBy = user;
        item.Version = Guid.NewGuid();
    }
}
