using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Data;
using NewsPortal.Core.Editing;
using NewsPortal.Core.Import.Formats;
using NewsPortal.Core.News;
using NewsPortal.Core.Storage;

namespace NewsPortal.Core.Import;

/// <summary>
/// Imports files of any supported format, all or nothing. Records stream through in batches (bounded memory);
/// each batch is matched against the database by original address or slug, so re-importing the same source
/// updates what changed and skips the rest. An item an editor changed on the site since its last import is kept as it
/// is unless the caller asks to replace such edits. A dry run does the same matching and writes nothing; an apply
/// writes every batch inside one transaction and commits only when no record anywhere had an error.
/// </summary>
public sealed class NewsImporter(
    NewsDbContext db,
    NewsWriter writer,
    AuditLog audit,
    IEnumerable<IImportFormat> formats,
    IOptions<ImportOptions> options,
    TimeProvider clock)
{
    private const int BatchSize = 250;

    // The reasons an import gives its revisions; a latest revision with any other reason is an editor's work.
    private const string ImportedPrefix = "Imported (batch ";
    private const string ReimportedPrefix = "Re-imported (batch ";

    // The nested run needs these; primary-constructor parameters are not members it can reach.
    private NewsDbContext Db { get; } = db;
    private NewsWriter Writer { get; } = writer;
    private AuditLog Audit { get; } = audit;
    private IEnumerable<IImportFormat> Formats { get; } = formats;
    private TimeProvider Clock { get; } = clock;

    /// <param name="existing">What to do with items the upload holds that the site already has.</param>
    public async Task<ImportReport> RunAsync(IReadOnlyList<ImportSource> uploads, bool dryRun, string user, IProgress<int>? progress = null,
        ExistingItems existing = ExistingItems.UpdateUnlessEditedOnSite, CancellationToken ct = default)
    {
        var report = new ImportReport { DryRun = dryRun, Existing = existing };
        var archives = new List<IDisposable>();
        await using var transaction = dryRun ? null : await Db.Database.BeginTransactionAsync(ct);
        try
        {
            var run = new Run(this, report, dryRun, user, progress, existing);
            if (!dryRun) await run.StartBatchAsync(uploads, ct);
            foreach (var file in ExpandZips(uploads, archives))
                await run.ReadFileAsync(file, ct);
            await run.FlushAsync(ct);
            if (report.Total == 0) report.AddFileError(string.Join(", ", uploads.Select(u => u.Name)), "The upload holds no items.");

            if (!dryRun && report.Errors == 0)
            {
                await run.FinishBatchAsync(ct);
                await transaction!.CommitAsync(ct);
                report.Applied = true;
            }
        }
        catch (ImportException error)
        {
            report.AddFileError(string.Join(", ", uploads.Select(u => u.Name)), error.Message);
        }
        catch (InvalidDataException error)
        {
            // A damaged zip entry is only noticed while it is decompressed.
            report.AddFileError(string.Join(", ", uploads.Select(u => u.Name)), $"A file in the upload is damaged and cannot be read ({error.Message}).");
        }
        catch (Exception error) when (!dryRun && DatabaseFailure.Classify(error) is { } failure)
        {
            report.AddFileError(string.Join(", ", uploads.Select(u => u.Name)), failure switch
            {
                DatabaseFailureKind.Full => "The server's storage is full: nothing was imported. Free some space and apply the import again.",
                DatabaseFailureKind.Busy => "The database stayed busy with other changes for too long: nothing was imported. Apply the import again in a moment.",
                _ => "The database could not be written: nothing was imported.",
            });
        }
        finally
        {
            foreach (var archive in archives) archive.Dispose();
            Db.ChangeTracker.Clear();
        }
        // Without a commit, disposing the transaction rolls every batch back.
        return report;
    }

    private IEnumerable<ImportSource> ExpandZips(IReadOnlyList<ImportSource> uploads, List<IDisposable> archives)
    {
        foreach (var upload in uploads)
        {
            var head = new byte[4];
            int length;
            using (var stream = upload.Open()) length = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
            if (!ZipExpander.IsZip(head.AsSpan(0, length)))
            {
                yield return upload;
                continue;
            }
            var (archive, entries) = ZipExpander.Open(upload.Open(), upload.Name, options.Value);
            archives.Add(archive);
            foreach (var entry in entries) yield return entry;
        }
    }

    /// <summary>The state of one import: the batch being filled and what earlier batches already claimed.</summary>
    private sealed class Run(NewsImporter importer, ImportReport report, bool dryRun, string user, IProgress<int>? progress, ExistingItems policy)
    {
        private readonly List<(string Location, ValidatedItem Item, string FileName, string Sha256, IReadOnlyList<string>? Warnings)> _pending = [];
        private readonly Dictionary<string, string> _seenKeys = new();
        private readonly Dictionary<string, string> _seenSlugs = new();
        private ImportBatch? _batch;
        private int _read;

        public async Task StartBatchAsync(IReadOnlyList<ImportSource> uploads, CancellationToken ct)
        {
            _batch = new ImportBatch
            {
                StartedAtUtc = importer.Clock.GetUtcNow().UtcDateTime,
                UserName = user,
                Source = string.Join(", ", uploads.Select(u => u.Name)) is var names && names.Length > 1000 ? names[..1000] : names,
            };
            importer.Db.ImportBatches.Add(_batch);
            await importer.Db.SaveChangesAsync(ct);
        }

        public async Task ReadFileAsync(ImportSource file, CancellationToken ct)
        {
            var facts = await SourceInspection.InspectAsync(file, ct);
            if (facts.Problem is not null)
            {
                report.AddFileError(file.Name, facts.Problem);
                return;
            }
            var format = importer.Formats.FirstOrDefault(f => f.Recognizes(file.Name, facts.Head));
            if (format is null)
            {
                report.AddFileError(file.Name, "This is not a format NewsPortal imports (archived page as text or HTML, JSON, CSV, Markdown with front matter, or a zip of these).");
                return;
            }
            await foreach (var record in format.ReadAsync(file, ct))
            {
                progress?.Report(++_read);
                if (record.Item is null)
                {
                    report.Add(new ImportReportEntry(record.Location, ImportOutcome.Error, Error: record.Error));
                    continue;
                }
                var (item, error) = ImportValidator.Validate(record.Item);
                if (item is null)
                {
                    report.Add(new ImportReportEntry(record.Location, ImportOutcome.Error, record.Item.Title, Error: error));
                    continue;
                }
                if (Duplicate(record.Location, item) is { } duplicate)
                {
                    report.Add(new ImportReportEntry(record.Location, ImportOutcome.Error, item.Content.Title, Error: duplicate));
                    continue;
                }
                _pending.Add((record.Location, item, Path.GetFileName(file.Name), facts.Sha256, record.Warnings));
                if (_pending.Count >= BatchSize) await FlushAsync(ct);
            }
        }

        /// <summary>BAD-23: two records of one upload may not be the same item or share a slug.</summary>
        private string? Duplicate(string location, ValidatedItem item)
        {
            if (_seenKeys.TryGetValue(item.Key, out var first))
                return $"the same item as {first} ({(item.SourceAddress is not null ? "original address " + item.SourceAddress : "slug " + item.Content.Slug)})";
            if (_seenSlugs.TryGetValue(item.Content.Slug, out var other))
                return $"the slug '{item.Content.Slug}' is also used by {other}";
            _seenKeys[item.Key] = location;
            _seenSlugs[item.Content.Slug] = location;
            return null;
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            if (_pending.Count == 0) return;
            var db = importer.Db;
            var sources = _pending.Where(p => p.Item.SourceAddress is not null).Select(p => p.Item.SourceAddress!).ToList();
            var slugs = _pending.Select(p => p.Item.Content.Slug).ToList();
            var existing = await db.NewsItems.Where(i => (i.SourceAddress != null && sources.Contains(i.SourceAddress)) || slugs.Contains(i.Slug)).ToListAsync(ct);
            var siteEdits = policy == ExistingItems.Keep ? [] : await SiteEditsAsync(existing, ct);

            var written = new List<(NewsItem Item, string Reason)>();
            foreach (var (location, candidate, fileName, sha256, recordWarnings) in _pending)
            {
                var warnings = recordWarnings;
                var content = candidate.Content;
                var match = candidate.SourceAddress is not null
                    ? existing.FirstOrDefault(i => i.SourceAddress == candidate.SourceAddress)
                    : existing.FirstOrDefault(i => i.Slug == content.Slug && i.SourceAddress == null);
                if (match is not null && (match.DeletedAtUtc is not null || policy == ExistingItems.Keep))
                {
                    // Kept as it is: deleted by an editor (not brought back by an import), or seeding never overwrites.
                    var note = match.DeletedAtUtc is not null ? new[] { "This item was deleted on the site; the import does not bring it back." } : null;
                    report.Add(Entry(location, ImportOutcome.Unchanged, content, [.. warnings ?? [], .. note ?? []]));
                    continue;
                }
                var slugOwner = existing.FirstOrDefault(i => i.Slug == content.Slug);
                if (slugOwner is not null && slugOwner != match)
                {
                    report.Add(new ImportReportEntry(location, ImportOutcome.Error, content.Title,
                        Error: $"the slug '{content.Slug}' already belongs to another item (\"{slugOwner.Title}\"); give this record its own slug"));
                    continue;
                }

                if (match is null)
                {
                    if (!dryRun)
                    {
                        var item = new NewsItem { Slug = content.Slug, Title = content.Title };
                        content.ApplyTo(item);
                        Stamp(item, candidate, fileName, sha256);
                        // The slug was checked against this batch, earlier batches and the database above.
                        importer.Writer.AddWithCheckedSlug(item, user);
                        written.Add((item, ImportedReason));
                    }
                    report.Add(Entry(location, ImportOutcome.Created, content, warnings));
                    continue;
                }

                // Imports carry no photo files: an item keeps the photo an editor gave it.
                content = content with { PhotoFileName = match.Photo?.FileName };
                var same = NewsEditor.SnapshotOf(content) == NewsEditor.SnapshotOf(NewsItemContent.Of(match))
                    && match.ArchivedOn == (candidate.ArchivedOn ?? match.ArchivedOn);
                if (same)
                {
                    report.Add(Entry(location, ImportOutcome.Unchanged, content, warnings));
                    continue;
                }
                if (siteEdits.GetValueOrDefault(match.Id) is { } edit)
                {
                    var replace = policy == ExistingItems.Update;
                    var editNote = $"Edited on the site since its last import (revision {edit.Number}, by {edit.CreatedBy ?? "unknown"} on {edit.CreatedAtUtc:yyyy-MM-dd}); "
                        + (replace ? "the import replaces that version, which stays in the item's history." : "kept as it is.");
                    report.NoteSiteEdit();
                    if (!replace)
                    {
                        report.Add(Entry(location, ImportOutcome.Unchanged, content, [.. warnings ?? [], editNote]));
                        continue;
                    }
                    warnings = [.. warnings ?? [], editNote];
                }
                if (!dryRun)
                {
                    content.ApplyTo(match);
                    Stamp(match, candidate, fileName, sha256);
                    importer.Writer.Update(match, user);
                    written.Add((match, ReimportedReason));
                }
                report.Add(Entry(location, ImportOutcome.Updated, content, warnings));
            }
            _pending.Clear();

            if (!dryRun && report.Errors == 0 && written.Count > 0)
            {
                await db.SaveChangesAsync(ct);
                await AddRevisionsAsync(written, ct);
                await db.SaveChangesAsync(ct);
            }
            db.ChangeTracker.Clear();
        }

        private string ImportedReason => $"{ImportedPrefix}{_batch!.Id})";
        private string ReimportedReason => $"{ReimportedPrefix}{_batch!.Id})";

        private static ImportReportEntry Entry(string location, ImportOutcome outcome, NewsItemContent content, IReadOnlyList<string>? warnings) =>
            new(location, outcome, content.Title, content.PublishedOn, content.Section.ToString(),
                content.PhotoCaption is not null, content.PhotoCredit is not null, content.Links.Count, warnings);

        /// <summary>
        /// The latest revision of each item whose latest revision an editor wrote on the site (an edit, a restore, or
        /// the item's creation in the form) rather than an import.
        /// </summary>
        private async Task<Dictionary<int, NewsItemRevision>> SiteEditsAsync(List<NewsItem> items, CancellationToken ct)
        {
            if (items.Count == 0) return [];
            var ids = items.Select(i => i.Id).ToList();
            var revisions = importer.Db.Revisions.AsNoTracking();
            var latest = await revisions
                .Where(r => ids.Contains(r.NewsItemId) && !revisions.Any(later => later.NewsItemId == r.NewsItemId && later.Number > r.Number))
                .ToListAsync(ct);
            return latest.Where(r => !r.Reason.StartsWith(ImportedPrefix, StringComparison.Ordinal) && !r.Reason.StartsWith(ReimportedPrefix, StringComparison.Ordinal))
                .ToDictionary(r => r.NewsItemId);
        }

        private void Stamp(NewsItem item, ValidatedItem candidate, string fileName, string sha256)
        {
            item.SourceAddress = candidate.SourceAddress ?? item.SourceAddress;
            item.ArchivedOn = candidate.ArchivedOn ?? item.ArchivedOn;
            item.SourceFileName = fileName.Length > 260 ? fileName[..260] : fileName;
            item.SourceSha256 = sha256;
            item.ImportBatchId = _batch!.Id;
        }

        private async Task AddRevisionsAsync(List<(NewsItem Item, string Reason)> written, CancellationToken ct)
        {
            var ids = written.Select(w => w.Item.Id).ToList();
            var latest = await importer.Db.Revisions.Where(r => ids.Contains(r.NewsItemId))
                .GroupBy(r => r.NewsItemId).Select(g => new { g.Key, Max = g.Max(r => r.Number) })
                .ToDictionaryAsync(g => g.Key, g => g.Max, ct);
            var now = importer.Clock.GetUtcNow().UtcDateTime;
            foreach (var (item, reason) in written)
                importer.Db.Revisions.Add(new NewsItemRevision
                {
                    NewsItemId = item.Id,
                    Number = latest.GetValueOrDefault(item.Id) + 1,
                    CreatedAtUtc = now,
                    CreatedBy = user,
                    Reason = reason,
                    Snapshot = NewsEditor.SnapshotOf(NewsItemContent.Of(item)),
                });
        }

        public async Task FinishBatchAsync(CancellationToken ct)
        {
            var batch = await importer.Db.ImportBatches.SingleAsync(b => b.Id == _batch!.Id, ct);
            (batch.Created, batch.Updated, batch.Unchanged) = (report.Created, report.Updated, report.Unchanged);
            importer.Audit.Add(AuditEventKind.Import, user, $"import batch {batch.Id}",
                $"{batch.Source}: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged");
            await importer.Db.SaveChangesAsync(ct);
            report.BatchId = batch.Id;
        }
    }
}
