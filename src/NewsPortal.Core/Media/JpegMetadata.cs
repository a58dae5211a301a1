using System.Buffers.Binary;

namespace NewsPortal.Core.Media;

/// <summary>
/// Removes metadata from a JPEG without decoding it: the marker segments are copied except the ones that carry data
/// about the photo rather than the picture (EXIF with GPS and serial numbers, XMP, Photoshop/IPTC, comments, vendor
/// blocks, and pictures appended after the end such as MPF previews). The compressed image data is copied byte for
/// byte, so there is no quality loss. The EXIF orientation is kept in a minimal EXIF block of its own.
/// </summary>
public static class JpegMetadata
{
    private const byte Soi = 0xD8, Eoi = 0xD9, Sos = 0xDA, App0 = 0xE0, App1 = 0xE1, App2 = 0xE2, App14 = 0xEE;

    /// <summary>The JPEG without metadata, or null when its structure cannot be followed (then it is not stored).</summary>
    public static byte[]? Strip(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != Soi) return null;
        using var output = new MemoryStream(jpeg.Length);
        output.Write(jpeg[..2]);
        var position = 2;
        var scanned = false;
        while (true)
        {
            // A file cut off after its image data still shows in browsers; it is kept as it is, without an end marker.
            if (scanned && position == jpeg.Length) return output.ToArray();
            // Markers may be preceded by any number of 0xFF fill bytes.
            if (position >= jpeg.Length || jpeg[position] != 0xFF) return null;
            while (position + 1 < jpeg.Length && jpeg[position + 1] == 0xFF) position++;
            if (position + 1 >= jpeg.Length) return null;
            var marker = jpeg[position + 1];
            if (marker == Eoi)
            {
                // Anything after the end (an MPF preview, a depth map, an appended archive) is dropped with the rest.
                output.Write(jpeg.Slice(position, 2));
                return output.ToArray();
            }
            if (marker is 0x01 or >= 0xD0 and <= 0xD7)
            {
                output.Write(jpeg.Slice(position, 2));
                position += 2;
                continue;
            }
            if (position + 4 > jpeg.Length) return null;
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(position + 2)..]);
            if (length < 2 || position + 2 + length > jpeg.Length) return null;
            var segment = jpeg.Slice(position, 2 + length);
            var payload = segment[4..];
            position += 2 + length;

            if (marker == App1 && payload.StartsWith("Exif\0\0"u8))
            {
                if (ExifOrientation.Read(payload[6..]) is { } orientation) WriteExifSegment(output, orientation);
            }
            else if (Keeps(marker, payload))
            {
                output.Write(segment);
            }
            if (marker == Sos)
            {
                var end = EndOfEntropyCodedData(jpeg, position);
                output.Write(jpeg[position..end]);
                position = end;
                scanned = true;
            }
        }
    }

    /// <summary>
    /// Segments needed to show the picture right: everything that is not an application segment or a comment, plus JFIF
    /// (APP0), the colour profile (APP2 "ICC_PROFILE") and Adobe's colour transform (APP14). All other APPn and COM go.
    /// </summary>
    private static bool Keeps(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        App0 or App14 => true,
        App2 => payload.StartsWith("ICC_PROFILE\0"u8),
        >= 0xE0 and <= 0xEF => false,
        0xFE => false,
        _ => true,
    };

    private static void WriteExifSegment(MemoryStream output, ushort orientation)
    {
        var tiff = ExifOrientation.Block(orientation);
        Span<byte> header = stackalloc byte[10];
        header[0] = 0xFF;
        header[1] = App1;
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(header[4..]);
        output.Write(header);
        output.Write(tiff);
    }

    /// <summary>The first marker after a scan's data: 0xFF is data when followed by 0x00 (stuffing) or a restart marker.</summary>
    private static int EndOfEntropyCodedData(ReadOnlySpan<byte> jpeg, int position)
    {
        while (true)
        {
            var next = jpeg[position..].IndexOf((byte)0xFF);
            if (next < 0) return jpeg.Length;
            position += next;
            if (position + 1 >= jpeg.Length) return jpeg.Length;
            var following = jpeg[position + 1];
            if (following == 0x00 || following is >= 0xD0 and <= 0xD7) { position += 2; continue; }
            return position;
        }
    }
}
