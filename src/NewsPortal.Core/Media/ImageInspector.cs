using System.Buffers.Binary;

namespace NewsPortal.Core.Media;

public sealed record ImageInfo(string Extension, string ContentType, int Width, int Height);

/// <summary>
/// Recognises JPEG, PNG, GIF and WebP by their bytes (never by name or declared type) and reads the pixel size
/// from the header, so a decompression bomb is refused before anything decodes it. SVG is never accepted.
/// </summary>
public static class ImageInspector
{
    public static ImageInfo? Inspect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 24 && data[..8].SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && data.Slice(12, 4).SequenceEqual("IHDR"u8))
            return new ImageInfo(".png", "image/png", BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadInt32BigEndian(data[20..]));
        if (data.Length >= 10 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)))
            return new ImageInfo(".gif", "image/gif", BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]));
        if (data.Length >= 30 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
            return WebP(data);
        if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
            return Jpeg(data);
        return null;
    }

    private static ImageInfo? WebP(ReadOnlySpan<byte> data)
    {
        var chunk = data.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
            return new ImageInfo(".webp", "image/webp", 1 + ReadUInt24(data[24..]), 1 + ReadUInt24(data[27..]));
        if (chunk.SequenceEqual("VP8 "u8) && data.Length >= 30)
            return new ImageInfo(".webp", "image/webp", BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8) && data.Length >= 25)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return new ImageInfo(".webp", "image/webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        return null;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> data) => data[0] | data[1] << 8 | data[2] << 16;

    /// <summary>Walks the JPEG segments to the first start-of-frame marker, which holds the size.</summary>
    private static ImageInfo? Jpeg(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (position + 9 < data.Length)
        {
            if (data[position] != 0xFF) return null;
            var marker = data[position + 1];
            if (marker == 0xFF) { position++; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame)
                return new ImageInfo(".jpg", "image/jpeg", BinaryPrimitives.ReadUInt16BigEndian(data[(position + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]));
            if (length < 2) return null;
            position += 2 + length;
        }
        return null;
    }
}
