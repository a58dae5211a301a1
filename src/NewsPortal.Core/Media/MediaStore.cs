using Microsoft.Extensions.Options;

namespace NewsPortal.Core.Media;

public sealed record MediaSaveResult(string? FileName, string? Error);

/// <summary>
/// Stores verified images under generated names, without their metadata; the uploader's file name never reaches the file system.
/// Files are written to a temporary name and renamed, so a crash never leaves a half-written photo.
/// </summary>
public sealed class MediaStore(IOptions<MediaOptions> options, string folder)
{
    public string Folder { get; } = folder;

    public async Task<MediaSaveResult> SaveAsync(Stream upload, CancellationToken ct = default)
    {
        var limits = options.Value;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limits.MaxBytes)
                return new(null, $"The photo is larger than the limit of {ByteSize.Format(limits.MaxBytes)}.");
            buffer.Write(chunk, 0, read);
        }

        var info = ImageInspector.Inspect(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (info is null) return new(null, "The file is not a supported image (JPEG, PNG, GIF or WebP).");
        if (info.Width < 1 || info.Height < 1 || info.Width > limits.MaxPixelsPerSide || info.Height > limits.MaxPixelsPerSide)
            return new(null, $"The image is {info.Width} × {info.Height} pixels; at most {limits.MaxPixelsPerSide} pixels per side are accepted.");

        // BAD-34: what a camera or phone records about the photo (GPS position, serial numbers, owner) is not published.
        var image = PhotoMetadata.Strip(info.Extension, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (image is null) return new(null, "The image file is damaged: its structure could not be read.");

        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N") + info.Extension;
        await WriteAtomicallyAsync(Path.Combine(Folder, name), image, ct);
        return new(name, null);
    }

    /// <summary>Writes beside the photo and renames, so after a crash or power loss the name never points at a torn file.</summary>
    internal static async Task WriteAtomicallyAsync(string path, byte[] image, CancellationToken ct)
    {
        // A name of its own, so two instances cleaning the same shared folder never write into one temporary file.
        var temporary = $"{path}.{Guid.NewGuid():N}.part";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            await file.WriteAsync(image, ct);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The path of a stored photo, or null for anything that is not one of our generated names.</summary>
    public string? PathOf(string fileName)
    {
        if (!IsGeneratedName(fileName)) return null;
        var path = Path.Combine(Folder, fileName);
        return File.Exists(path) ? path : null;
    }

    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "image/jpeg",
    };

    public static bool IsGeneratedName(string fileName) =>
        Path.GetFileName(fileName) == fileName && fileName.Length is > 32 and < 40
        && Guid.TryParseExact(Path.GetFileNameWithoutExtension(fileName), "N", out _)
        && Path.GetExtension(fileName) is ".jpg" or ".png" or ".gif" or ".webp";
}
