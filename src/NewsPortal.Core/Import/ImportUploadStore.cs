using Microsoft.Extensions.Options;

namespace NewsPortal.Core.Import;

/// <summary>
/// Keeps an uploaded file between its dry run and its apply, under a generated id (the uploader's name is kept
/// beside it only as text). Applying re-reads exactly the file the editor saw the report of.
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
                    return (null, $"The file is larger than the import limit of {ByteSize.Format(limit)}; split it or import it from the command line.");
                }
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        File.Move(path + ".part", path);
        await File.WriteAllTextAsync(path + ".name", SafeName(originalName), ct);
        return (id, null);
    }

    public ImportSource? Open(Guid id)
    {
        var path = PathOf(id);
        if (!File.Exists(path)) return null;
        var name = File.Exists(path + ".name") ? File.ReadAllText(path + ".name") : "upload";
        return new ImportSource(name, new FileInfo(path).Length, () => File.OpenRead(path));
    }

    public void Delete(Guid id)
    {
        File.Delete(PathOf(id));
        File.Delete(PathOf(id) + ".name");
    }

    private string PathOf(Guid id) => Path.Combine(folder, id.ToString("N") + ".upload");

    /// <summary>The name as a label only: no directories, no control or bidi characters, bounded length.</summary>
    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(file.Where(c => !char.IsControl(c) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
        return clean.Length == 0 ? "upload" : clean.Length > 200 ? clean[..200] : clean;
    }
}
