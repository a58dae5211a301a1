using System.Buffers.Binary;

namespace NewsPortal.Core.Media;

/// <summary>
/// Removes metadata from a WebP without decoding it: in the extended format the EXIF and XMP chunks and unknown chunks
/// are dropped, the image, alpha, animation and colour profile chunks are copied, and the VP8X flags and RIFF size are
/// set to match. The EXIF orientation is kept in a minimal EXIF chunk of its own. Data after the RIFF end is dropped.
/// </summary>
public static class WebpMetadata
{
    private const byte ExifFlag = 0x08, XmpFlag = 0x04;
    private static readonly HashSet<string> KeptChunks = ["VP8X", "ICCP", "ANIM", "ANMF", "ALPH", "VP8 ", "VP8L"];

    /// <summary>The WebP without metadata, or null when its chunks cannot be followed (then it is not stored).</summary>
    public static byte[]? Strip(ReadOnlySpan<byte> webp)
    {
        if (webp.Length < 20 || !webp[..4].SequenceEqual("RIFF"u8) || !webp.Slice(8, 4).SequenceEqual("WEBP"u8)) return null;
        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(webp[4..]);
        if (riffEnd > webp.Length) return null;
        webp = webp[..(int)riffEnd];
        // The simple formats are one image chunk and nothing else: no place for metadata.
        if (!webp.Slice(12, 4).SequenceEqual("VP8X"u8)) return webp.ToArray();

        using var output = new MemoryStream(webp.Length);
        output.Write(webp[..12]);
        var position = 12;
        var wroteExif = false;
        while (position < webp.Length)
        {
            if (position + 8 > webp.Length) return null;
            var type = System.Text.Encoding.ASCII.GetString(webp.Slice(position, 4));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp[(position + 4)..]);
            // Chunks are padded to an even length.
            var padded = (long)size + (size & 1);
            if (position + 8 + padded > webp.Length) return null;
            var chunk = webp.Slice(position, 8 + (int)padded);
            position += chunk.Length;

            if (type == "EXIF")
            {
                var exif = chunk.Slice(8, (int)size);
                // Some writers put JPEG's "Exif\0\0" in front of the TIFF data; readers accept both.
                if (ExifOrientation.Read(exif.StartsWith("Exif\0\0"u8) ? exif[6..] : exif) is { } orientation)
                {
                    WriteChunk(output, "EXIF"u8, ExifOrientation.Block(orientation));
                    wroteExif = true;
                }
            }
            else if (KeptChunks.Contains(type))
            {
                output.Write(chunk);
            }
        }

        var result = output.ToArray();
        // VP8X is the first chunk; its first payload byte holds the feature flags.
        result[20] = (byte)((result[20] & ~(ExifFlag | XmpFlag)) | (wroteExif ? ExifFlag : 0));
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }

    private static void WriteChunk(MemoryStream output, ReadOnlySpan<byte> type, byte[] data)
    {
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        output.Write(type);
        output.Write(size);
        output.Write(data);
        if (data.Length % 2 == 1) output.WriteByte(0);
    }
}
