using System.IO.Compression;

namespace NewsPortal.Core.Import;

/// <summary>
/// Opens a zip of files to import after checking its directory, before anything is extracted: entry count,
/// total and per-entry size, compression ratio, names (no paths outside, no absolute paths, no duplicates),
/// no links, no nested zips (SEC-33, BAD-33). Entries are read straight from the archive, never written to disk.
/// </summary>
public static class ZipExpander
{
    private const int UnixSymlinkMode = 0xA000;

    public static bool IsZip(ReadOnlySpan<byte> head) => head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;

    public static (ZipArchive Archive, IReadOnlyList<ImportSource> Entries) Open(Stream zip, string zipName, ImportOptions limits)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException error)
        {
            throw new ImportException($"{zipName} is not a readable zip file: {error.Message}");
        }

        try
        {
            return (archive, Check(archive, zipName, limits));
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    private static IReadOnlyList<ImportSource> Check(ZipArchive archive, string zipName, ImportOptions limits)
    {
        var files = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (files.Count > limits.MaxZipEntries)
            throw new ImportException($"{zipName} holds {files.Count} files; at most {limits.MaxZipEntries} are accepted.");
        var total = files.Sum(e => e.Length);
        if (total > limits.MaxZipUncompressedBytes)
            throw new ImportException($"{zipName} unpacks to {ByteSize.Format(total)}; at most {ByteSize.Format(limits.MaxZipUncompressedBytes)} are accepted.");

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in files)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (name.StartsWith('/') || name.Contains(':') || name.Split('/').Contains(".."))
                throw new ImportException($"{zipName}: the entry \"{entry.FullName}\" points outside the archive.");
            if (((entry.ExternalAttributes >> 16) & 0xF000) == UnixSymlinkMode)
                throw new ImportException($"{zipName}: the entry \"{entry.FullName}\" is a symbolic link.");
            if (!names.Add(name))
                throw new ImportException($"{zipName}: the name \"{entry.FullName}\" appears twice.");
            if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > limits.MaxZipCompressionRatio)
                throw new ImportException($"{zipName}: the entry \"{entry.FullName}\" expands {entry.Length / entry.CompressedLength} times; this looks like a zip bomb.");
            if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                throw new ImportException($"{zipName}: the entry \"{entry.FullName}\" is a zip inside the zip; unpack it first.");
        }

        return files
            .Where(e => !Path.GetFileName(e.FullName).StartsWith('.') && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e => new ImportSource($"{zipName}/{e.FullName}", e.Length, () => OpenEntry(e, zipName)))
            .ToList();
    }

    private static Stream OpenEntry(ZipArchiveEntry entry, string zipName)
    {
        try
        {
            return entry.Open();
        }
        catch (InvalidDataException error)
        {
            throw new ImportException($"{zipName}: the entry \"{entry.FullName}\" cannot be read ({error.Message}); encrypted zips are not supported.");
        }
    }
}
