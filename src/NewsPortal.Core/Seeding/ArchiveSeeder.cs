using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Data;
using NewsPortal.Core.Import;

namespace NewsPortal.Core.Seeding;

/// <summary>
/// Loads the real archived pages shipped in the seed folder through the importer, like any upload. Runs at every
/// start: pages already present are left as they are (an editor may have corrected them), new ones are added. A file
/// whose exact bytes were imported before is not read again, so a restart costs a hash per file and one query, not a
/// run of the importer.
/// </summary>
public sealed class ArchiveSeeder(NewsImporter importer, NewsDbContext db, ILogger<ArchiveSeeder> log)
{
    private const string SeedUser = "seed";
    private static readonly HashSet<string> SeedExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".htm", ".html", ".json", ".csv", ".md", ".zip" };

    public async Task<int> SeedAsync(string folder, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder))
        {
            log.LogWarning("Seed folder {Folder} does not exist; nothing seeded", folder);
            return 0;
        }
        // Only data files: a README or .gitkeep beside the pages must not stop the site from starting.
        var files = Directory.EnumerateFiles(folder).Where(path => SeedExtensions.Contains(Path.GetExtension(path))).Order(StringComparer.Ordinal)
            .Select(path => new ImportSource(Path.GetFileName(path), new FileInfo(path).Length, () => File.OpenRead(path)))
            .ToList();
        files = await WithoutImportedAsync(files, ct);
        if (files.Count == 0) return 0;

        // A dry run first, so an unchanged seed costs no write and no import batch.
        var plan = await importer.RunAsync(files, dryRun: true, SeedUser, existing: ExistingItems.Keep, ct: ct);
        if (plan.Errors > 0)
            throw new InvalidOperationException($"The seed pages in {folder} cannot be imported: {string.Join("; ", plan.ErrorMessages)}");
        if (plan.Created == 0) return 0;

        var report = await importer.RunAsync(files, dryRun: false, SeedUser, existing: ExistingItems.Keep, ct: ct);
        log.LogInformation("Seeded {Count} archived pages from {Folder}", report.Created, folder);
        return report.Created;
    }

    private async Task<List<ImportSource>> WithoutImportedAsync(List<ImportSource> files, CancellationToken ct)
    {
        var hashes = new Dictionary<ImportSource, string>();
        foreach (var file in files) hashes[file] = (await SourceInspection.InspectAsync(file, ct)).Sha256;
        var values = hashes.Values.ToList();
        // Deleted items count too: an item an editor deleted stays deleted.
        var imported = await db.NewsItems.Where(i => i.SourceSha256 != null && values.Contains(i.SourceSha256)).Select(i => i.SourceSha256!).Distinct().ToListAsync(ct);
        return files.Where(file => !imported.Contains(hashes[file])).ToList();
    }
}
