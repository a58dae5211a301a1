namespace NewsPortal.Core.Media;

/// <summary>Removes what a camera or editor wrote about a photo, by its format, keeping the picture and how it is turned.</summary>
public static class PhotoMetadata
{
    /// <summary>The photo without metadata, or null when its structure cannot be followed.</summary>
    public static byte[]? Strip(string extension, ReadOnlySpan<byte> photo) => extension switch
    {
        ".jpg" => JpegMetadata.Strip(photo),
        ".png" => PngMetadata.Strip(photo),
        ".webp" => WebpMetadata.Strip(photo),
        ".gif" => GifMetadata.Strip(photo),
        _ => null,
    };
}
