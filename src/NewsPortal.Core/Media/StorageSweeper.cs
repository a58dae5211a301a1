using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Media;

/// <summary>
/// Clears what interrupted or abandoned work leaves on disk (REL-05): half-written files, photos no item or revision
/// points to, and uploads whose dry run was never applied. Only files older than <see cref="Grace"/> are touched, so
/// an editor in the middle of a form keeps their upload.
/// </summary>
public sealed class StorageSweeper(NewsDbContext db, TimeProvider clock, ILogger<StorageSweeper> log)
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public async Task<int> SweepAsync(string mediaFolder, string uploadFolder, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Grace;
        var removed = 0;
        var oldFiles = OldFiles(mediaFolder, cutoff);
        // One pass over the photos items show now (a photo is a JSON value of its row, read whole); only the rest are
        // looked for in the (much larger) revisions.
        var shown = new HashSet<string>(StringComparer.Ordinal);
        if (oldFiles.Count > 0)
            await foreach (var photo in db.NewsItems.Where(i => i.Photo != null).Select(i => i.Photo).AsAsyncEnumerable().WithCancellation(ct))
                if (photo?.FileName is { } fileName) shown.Add(fileName);
        foreach (var file in oldFiles)
        {
            var name = Path.GetFileName(file);
            // Files the portal did not name (the cleaning marker, anything an operator put there) are not its to remove.
            var orphan = name.EndsWith(".part", StringComparison.Ordinal)
                || (MediaStore.IsGeneratedName(name) && !(shown.Contains(name) || await db.Revisions.AnyAsync(r => r.Snapshot.Contains(name), ct)));
            if (orphan) removed += Delete(file);
        }
        foreach (var file in OldFiles(uploadFolder, cutoff)) removed += Delete(file);
        if (removed > 0) log.LogInformation("Removed {Count} abandoned files from {Media} and {Uploads}", removed, mediaFolder, uploadFolder);
        return removed;
    }

    private static List<string> OldFiles(string folder, DateTime cutoffUtc) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => File.GetLastWriteTimeUtc(f) < cutoffUtc).ToList()
            : [];

    private static int Delete(string file)
    {
        File.Delete(file);
        return 1;
    }
}
