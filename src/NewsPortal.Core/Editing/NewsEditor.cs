using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Editing;

/// <summary>
/// Editors' writes. Every save checks the version the editor saw (optimistic concurrency), stores a revision
/// and an audit event in the same transaction, so an edit is either whole or absent.
/// </summary>
public sealed class NewsEditor(NewsDbContext db, NewsWriter writer, AuditLog audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

    /// <param name="creationKey">Identifies the form the item comes from; the same key twice yields one item.</param>
    public async Task<EditOutcome> CreateAsync(NewsItemContent content, string user, Guid creationKey, CancellationToken ct = default)
    {
        try
        {
            return await CreateOnceAsync(content, user, creationKey, ct);
        }
        catch (DbUpdateException)
        {
            // A database that lets two transactions check at once (PostgreSQL) stops the second at the unique key.
            db.ChangeTracker.Clear();
            var created = await db.NewsItems.AsNoTracking().FirstOrDefaultAsync(i => i.CreationKey == creationKey, ct);
            if (created is null) throw;
            return EditOutcome.Saved(created);
        }
    }

    private async Task<EditOutcome> CreateOnceAsync(NewsItemContent content, string user, Guid creationKey, CancellationToken ct)
    {
        // Taken first, so the checks below and the insert see the same database (SQLite: the write lock is held).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.NewsItems.FirstOrDefaultAsync(i => i.CreationKey == creationKey, ct) is { } alreadyCreated)
            return EditOutcome.Saved(alreadyCreated);

        if (TagProblem(content) is { } tagProblem) return tagProblem;
        var slug = string.IsNullOrWhiteSpace(content.Slug) ? await writer.UniqueSlugAsync(Slug.From(content.Title), ct) : Slug.From(content.Slug);
        if (slug.Length == 0) return EditOutcome.Invalid(nameof(content.Slug), "The slug needs at least one letter or digit.");
        if (await db.NewsItems.AnyAsync(i => i.Slug == slug, ct))
            return EditOutcome.Invalid(nameof(content.Slug), $"The slug \"{slug}\" is already used by another item.");

        var item = new NewsItem { Slug = slug, Title = content.Title, CreationKey = creationKey };
        (content with { Slug = slug }).ApplyTo(item);
        // The revision needs the item's id: two saves, one transaction.
        await writer.AddAsync(item, user, ct);
        await db.SaveChangesAsync(ct);
        await AddRevisionAsync(item, user, "Created", ct);
        audit.Add(AuditEventKind.ItemCreated, user, $"item {item.Id}", item.Title);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return EditOutcome.Saved(item);
    }

    /// <param name="seenVersion">The version the editor's form was based on.</param>
    public async Task<EditOutcome> UpdateAsync(int id, NewsItemContent content, Guid seenVersion, string user, string reason = "Edited", CancellationToken ct = default)
    {
        var item = await db.NewsItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || item.DeletedAtUtc is not null) return EditOutcome.Gone;
        var slug = Slug.From(string.IsNullOrWhiteSpace(content.Slug) ? content.Title : content.Slug);
        // The same form sent twice (a double click, a refresh) finds its own save: done, not a conflict with oneself.
        if (item.Version != seenVersion) return Holds(item, content with { Slug = slug }) ? EditOutcome.Saved(item) : EditOutcome.Conflict(item);

        if (TagProblem(content) is { } tagProblem) return tagProblem;
        if (slug.Length == 0) return EditOutcome.Invalid(nameof(content.Slug), "The slug needs at least one letter or digit.");
        if (await db.NewsItems.AnyAsync(i => i.Slug == slug && i.Id != id, ct))
            return EditOutcome.Invalid(nameof(content.Slug), $"The slug \"{slug}\" is already used by another item.");

        // The database checks the version again, so a save that raced past the check above still fails.
        db.Entry(item).Property(i => i.Version).OriginalValue = seenVersion;
        (content with { Slug = slug }).ApplyTo(item);
        writer.Update(item, user);
        await AddRevisionAsync(item, user, reason, ct);
        audit.Add(reason.StartsWith("Restored", StringComparison.Ordinal) ? AuditEventKind.ItemRestored : AuditEventKind.ItemUpdated,
            user, $"item {item.Id}", reason);
        var outcome = await SaveOrConflictAsync(item, ct);
        return outcome.Status == EditStatus.Conflict && Holds(outcome.Current!, content with { Slug = slug }) ? EditOutcome.Saved(outcome.Current!) : outcome;
    }

    public async Task<EditOutcome> DeleteAsync(int id, Guid seenVersion, string user, CancellationToken ct = default)
    {
        var item = await db.NewsItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || item.DeletedAtUtc is not null) return EditOutcome.Gone;
        if (item.Version != seenVersion) return EditOutcome.Conflict(item);

        db.Entry(item).Property(i => i.Version).OriginalValue = seenVersion;
        item.DeletedAtUtc = clock.GetUtcNow().UtcDateTime;
        item.DeletedBy = user;
        item.Version = Guid.NewGuid();
        audit.Add(AuditEventKind.ItemDeleted, user, $"item {item.Id}", item.Title);
        return await SaveOrConflictAsync(item, ct);
    }

    /// <summary>Brings a deleted item back as it was when deleted, at its own address; the version check stops a second click.</summary>
    public async Task<EditOutcome> UndeleteAsync(int id, Guid seenVersion, string user, CancellationToken ct = default)
    {
        var item = await db.NewsItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return EditOutcome.Gone;
        if (item.DeletedAtUtc is null || item.Version != seenVersion) return EditOutcome.Conflict(item);

        db.Entry(item).Property(i => i.Version).OriginalValue = seenVersion;
        item.DeletedAtUtc = null;
        item.DeletedBy = null;
        writer.Update(item, user);
        audit.Add(AuditEventKind.ItemUndeleted, user, $"item {item.Id}", item.Title);
        try
        {
            await db.SaveChangesAsync(ct);
            return EditOutcome.Saved(item);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.NewsItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
            return current is null ? EditOutcome.Gone : EditOutcome.Conflict(current);
        }
    }

    /// <summary>Saves; when the version check fails, nothing is written and the current state says why.</summary>
    private async Task<EditOutcome> SaveOrConflictAsync(NewsItem item, CancellationToken ct)
    {
        var seenVersion = db.Entry(item).Property(i => i.Version).OriginalValue;
        try
        {
            await db.SaveChangesAsync(ct);
            return EditOutcome.Saved(item);
        }
        catch (DbUpdateException)
        {
            // PostgreSQL lets two saves of one item run at once: the second can stop at the revision number the first took
            // (a unique key) before the version check. Either way someone else saved first; anything else is a real error.
            db.ChangeTracker.Clear();
            var current = await db.NewsItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == item.Id, ct);
            if (current is null || current.DeletedAtUtc is not null) return EditOutcome.Gone;
            if (current.Version == seenVersion) throw;
            return EditOutcome.Conflict(current);
        }
    }

    /// <summary>Puts a revision's content back as a new save (and so a new revision); history is never rewritten.</summary>
    public async Task<EditOutcome> RestoreAsync(int id, int revisionNumber, Guid seenVersion, string user, CancellationToken ct = default)
    {
        var revision = await RevisionAsync(id, revisionNumber, ct);
        if (revision is null) return EditOutcome.Gone;
        return await UpdateAsync(id, ContentOf(revision), seenVersion, user, $"Restored revision {revisionNumber}", ct);
    }

    public async Task<IReadOnlyList<NewsItemRevision>> HistoryAsync(int id, CancellationToken ct = default) =>
        await db.Revisions.AsNoTracking().Where(r => r.NewsItemId == id).OrderByDescending(r => r.Number).ToListAsync(ct);

    public Task<NewsItemRevision?> RevisionAsync(int id, int number, CancellationToken ct = default) =>
        db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.NewsItemId == id && r.Number == number, ct);

    /// <summary>The stored form of a revision; also how imports tell a changed item from an unchanged one.</summary>
    public static string SnapshotOf(NewsItemContent content) => JsonSerializer.Serialize(content, SnapshotJson);

    public static NewsItemContent ContentOf(NewsItemRevision revision) =>
        JsonSerializer.Deserialize<NewsItemContent>(revision.Snapshot, SnapshotJson)
        ?? throw new InvalidDataException($"Revision {revision.Number} of item {revision.NewsItemId} has an empty snapshot.");

    /// <summary>Whether saving <paramref name="content"/> would leave <paramref name="item"/> as it is.</summary>
    private static bool Holds(NewsItem item, NewsItemContent content)
    {
        var saved = new NewsItem { Slug = "", Title = "" };
        content.ApplyTo(saved);
        return SnapshotOf(NewsItemContent.Of(saved)) == SnapshotOf(NewsItemContent.Of(item));
    }

    // The form checks this first; here it guards every other caller, since storing would otherwise keep them all.
    private static EditOutcome? TagProblem(NewsItemContent content) =>
        Tags.CountProblem(Tags.Normalize(content.Tags)) is { } problem ? EditOutcome.Invalid(nameof(content.Tags), problem) : null;

    private async Task AddRevisionAsync(NewsItem item, string user, string reason, CancellationToken ct)
    {
        var latest = await db.Revisions.Where(r => r.NewsItemId == item.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        db.Revisions.Add(new NewsItemRevision
        {
            NewsItemId = item.Id,
            Number = latest + 1,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user,
            Reason = reason,
            Snapshot = SnapshotOf(NewsItemContent.Of(item)),
        });
    }
}
