using Microsoft.Extensions.Logging;

namespace NewsPortal.Core.Media;

/// <summary>
/// Removes metadata from photos stored before uploads were cleaned (BAD-34) or restored from an old backup: each stored
/// photo is rewritten once without it, then a marker in the folder says the pass is done, so later starts read nothing.
/// </summary>
public sealed class StoredPhotoCleaner(ILogger<StoredPhotoCleaner> log)
{
    // A new name when the cleaning learns more (a format, a block), so every stored photo is looked at again.
    public const string MarkerName = ".metadata-removed-v2";

    /// <summary>How many photos were rewritten; 0 when the folder was cleaned before.</summary>
    public async Task<int> CleanAsync(string folder, CancellationToken ct = default)
    {
        var marker = Path.Combine(folder, MarkerName);
        if (!Directory.Exists(folder) || File.Exists(marker)) return 0;

        var rewritten = 0;
        foreach (var path in Directory.EnumerateFiles(folder).Where(p => MediaStore.IsGeneratedName(Path.GetFileName(p))))
        {
            var original = await File.ReadAllBytesAsync(path, ct);
            var cleaned = PhotoMetadata.Strip(Path.GetExtension(path), original);
            if (cleaned is null)
            {
                // It is already published; taking it down over a structure we cannot follow would be worse than leaving it.
                log.LogWarning("Photo {Photo} kept as it is: its structure could not be followed to remove metadata", path);
                continue;
            }
            if (cleaned.AsSpan().SequenceEqual(original)) continue;
            await MediaStore.WriteAtomicallyAsync(path, cleaned, ct);
            rewritten++;
        }
        await File.WriteAllTextAsync(marker, $"Metadata removed from stored photos; {rewritten} rewritten.\n", ct);
        if (rewritten > 0) log.LogInformation("Removed metadata from {Count} stored photos in {Folder}", rewritten, folder);
        return rewritten;
    }
}
