using System.Buffers.Binary;
using System.IO.Hashing;

namespace NewsPortal.Core.Media;

/// <summary>
/// Removes metadata from a PNG without decoding it: chunks are copied except text (tEXt, zTXt, iTXt, which hold
/// XMP, software and author), EXIF (eXIf), the modification time and any ancillary chunk not known to affect how the
/// picture looks. Data after IEND is dropped. The EXIF orientation is kept in a minimal eXIf chunk of its own.
/// </summary>
public static class PngMetadata
{
    private const int SignatureLength = 8;

    // Ancillary chunks that change how the picture is shown (colour, transparency, pixel size, animation).
    private static readonly HashSet<string> KeptAncillary =
        ["tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "mDCV", "cLLI", "sBIT", "bKGD", "pHYs", "sPLT", "acTL", "fcTL", "fdAT"];

    /// <summary>The PNG without metadata, or null when its chunks cannot be followed (then it is not stored).</summary>
    public static byte[]? Strip(ReadOnlySpan<byte> png)
    {
        if (png.Length < SignatureLength) return null;
        using var output = new MemoryStream(png.Length);
        output.Write(png[..SignatureLength]);
        var position = SignatureLength;
        while (position + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > png.Length) return null;
            var chunk = png.Slice(position, 12 + (int)length);
            var type = System.Text.Encoding.ASCII.GetString(chunk.Slice(4, 4));
            var data = chunk.Slice(8, (int)length);
            position += chunk.Length;

            if (type == "eXIf")
            {
                // Some writers put JPEG's "Exif\0\0" in front of the TIFF data; readers accept both.
                var tiff = data.StartsWith("Exif\0\0"u8) ? data[6..] : data;
                if (ExifOrientation.Read(tiff) is { } orientation) WriteChunk(output, "eXIf"u8, ExifOrientation.Block(orientation));
            }
            else if (IsCritical(type) || KeptAncillary.Contains(type))
            {
                output.Write(chunk);
            }
            if (type == "IEND") return output.ToArray();
        }
        return null;
    }

    // The case of the first letter says whether a decoder needs the chunk (IHDR, PLTE, IDAT, IEND).
    private static bool IsCritical(string type) => char.IsAsciiLetterUpper(type[0]);

    private static void WriteChunk(MemoryStream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        output.Write(number);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        output.Write(type);
        output.Write(data);
        // PNG stores the CRC most significant byte first.
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        output.Write(number);
    }
}
