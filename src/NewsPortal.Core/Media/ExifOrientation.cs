using System.Buffers.Binary;

namespace NewsPortal.Core.Media;

/// <summary>
/// The one EXIF tag kept when a photo's metadata is removed: Orientation (0x0112) says how the camera held the picture,
/// and browsers turn the image by it, so dropping it would show phone photos on their side.
/// </summary>
public static class ExifOrientation
{
    private const ushort OrientationTag = 0x0112;
    private const ushort ShortType = 3;

    /// <summary>The orientation (2 to 8) in a TIFF-structured EXIF block, or null when it is absent, upright (1) or unreadable.</summary>
    public static ushort? Read(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8) return null;
        var bigEndian = tiff[0] == 'M' && tiff[1] == 'M';
        if (!bigEndian && !(tiff[0] == 'I' && tiff[1] == 'I')) return null;
        if (UInt16(tiff[2..], bigEndian) != 42) return null;
        var ifd = UInt32(tiff[4..], bigEndian);
        if (ifd > (uint)tiff.Length - 2) return null;
        var entries = UInt16(tiff[(int)ifd..], bigEndian);
        for (var i = 0; i < entries; i++)
        {
            var entry = (int)ifd + 2 + i * 12;
            if (entry + 12 > tiff.Length) return null;
            if (UInt16(tiff[entry..], bigEndian) != OrientationTag) continue;
            if (UInt16(tiff[(entry + 2)..], bigEndian) != ShortType || UInt32(tiff[(entry + 4)..], bigEndian) != 1) return null;
            var value = UInt16(tiff[(entry + 8)..], bigEndian);
            return value is >= 2 and <= 8 ? value : null;
        }
        return null;
    }

    /// <summary>A TIFF-structured EXIF block holding nothing but <paramref name="orientation"/>: 26 bytes.</summary>
    public static byte[] Block(ushort orientation)
    {
        var tiff = new byte[26];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);      // IFD0 right after the header
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 1);      // one entry
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(10), OrientationTag);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(12), ShortType);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(14), 1);     // one value, stored in the entry itself
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(18), orientation);
        // Bytes 20..21 pad the value; 22..25 (zero) say there is no further IFD: no thumbnail, no GPS, no maker notes.
        return tiff;
    }

    private static ushort UInt16(ReadOnlySpan<byte> data, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data) : BinaryPrimitives.ReadUInt16LittleEndian(data);

    private static uint UInt32(ReadOnlySpan<byte> data, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data) : BinaryPrimitives.ReadUInt32LittleEndian(data);
}
