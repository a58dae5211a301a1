using Microsoft.Extensions.Options;

namespace NewsPortal.Core.Import;

/// <summary>
/// Keeps an uploaded file between its dry run and its apply, under a generated id (the uploader's name is kept
/// beside it only as text). Applying re-reads exactly the file the editor saw the report of. An apply first claims the
/// upload (a rename, which only one request can win), so a double click or a resent form cannot apply it twice, and a
/// note of the outcome is kept so those later requests can say what became of it.
/// </summary>
public sealed class ImportUploadStore(IOptions<ImportOptions> options, string folder)
{
    public string Folder => folder;

    public async Task<(Guid? Id, string? Error)> SaveAsync(Stream upload, string originalName, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var id = Guid.NewGuid();
        var path = PathOf(id);
        var limit = options.Value.MaxUploadBytes;
        await using (var file = File.Create(path + ".part"))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await upload.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    file.Close();
                    File.Delete(path + ".part");
                    return (null, TooLargeMessage(limit));
                }
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        File.Move(path + ".part", path);
        await File.WriteAllTextAsync(path + ".name", SafeName(originalName), ct);
        return (id, null);
    }

    public static string TooLargeMessage(long limit) =>
        $"The file is larger than the import limit of {ByteSize.Format(limit)}; split it or import it from the command line.";

    /// <summary>The upload waiting to be applied, to read it (a dry run) without claiming it.</summary>
    public ImportSource? Open(Guid id) => SourceAt(PathOf(id), id);

    /// <summary>Takes the waiting upload for applying; null when it is not waiting (applied, being applied, or gone).</summary>
    public ImportSource? Claim(Guid id)
    {
        try
        {
            File.Move(PathOf(id), ClaimedPathOf(id));
        }
        catch (IOException)
        {
            // Missing: another request claimed it first, or it was never here.
            return null;
        }
        return SourceAt(ClaimedPathOf(id), id);
    }

    /// <summary>Ends a claimed upload: the file goes and a line saying how the apply ended stays for later requests.</summary>
    public void Finish(Guid id, string outcome)
    {
        File.WriteAllText(PathOf(id) + ".outcome", outcome);
        Delete(id);
    }

    public UploadState StateOf(Guid id, out string? outcome)
    {
        outcome = File.Exists(PathOf(id) + ".outcome") ? File.ReadAllText(PathOf(id) + ".outcome") : null;
        return File.Exists(PathOf(id)) ? UploadState.Waiting
            : File.Exists(ClaimedPathOf(id)) ? UploadState.BeingApplied
            : outcome is not null ? UploadState.Finished
            : UploadState.Missing;
    }

    /// <summary>Removes the upload (waiting or claimed) and its name; the outcome note, if any, stays until swept.</summary>
    public void Delete(Guid id)
    {
        File.Delete(PathOf(id));
        File.Delete(ClaimedPathOf(id));
        File.Delete(PathOf(id) + ".name");
    }

    private ImportSource? SourceAt(string path, Guid id)
    {
        if (!File.Exists(path)) return null;
        var name = File.Exists(PathOf(id) + ".name") ? File.ReadAllText(PathOf(id) + ".name") : "upload";
        return new ImportSource(name, new FileInfo(path).Length, () => File.OpenRead(path));
    }

    private string PathOf(Guid id) => Path.Combine(folder, id.ToString("N") + ".upload");

    private string ClaimedPathOf(Guid id) => Path.Combine(folder, id.ToString("N") + ".applying");

    /// <summary>The name as a label only: no directories, no control or bidi characters, bounded length.</summary>
    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(file.Where(c => !char.IsControl(c) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
        return clean.Length == 0 ? "upload" : clean.Length > 200 ? clean[..200] : clean;
    }
}

public enum UploadState
{
    /// <summary>Dry-run and waiting for an apply.</summary>
    Waiting,
    BeingApplied,
    /// <summary>Applied or refused; the outcome note says which.</summary>
    Finished,
    /// <summary>Never here, or removed (swept after a day, or refused at its dry run).</summary>
    Missing,
}
