using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace NewsPortal.Tests.Fixtures;

public static class TestImages
{
    /// <summary>A valid 1 × 1 PNG.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>A 16 × 8 baseline JPEG as cjpeg writes it (JFIF, no metadata): red and blue halves under two white rows.</summary>
    public static readonly byte[] PlainJpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAIABADAREAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwBP+G0fjJ/0OP8A5S7P/wCM1+f/ANq4z+f8F/kf19/qFw5/0C/+T1P/AJI85/4b++PX/Q9/+Uew/wDjFf39/qFw5/0C/wDk9T/5I/iP61W/m/I//9k=");

    /// <summary>The same picture as a progressive JPEG: several scans, with tables between them.</summary>
    public static readonly byte[] PlainProgressiveJpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wgARCAAIABADAREAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAQb/xAAVAQEBAAAAAAAAAAAAAAAAAAAHBv/aAAwDAQACEAMQAAABJ9fnH8R//8QAFhAAAwAAAAAAAAAAAAAAAAAAAAUW/9oACAEBAAEFArRyX74//8QAHBEAAgAHAAAAAAAAAAAAAAAAAAIFExVRU6HR/9oACAEDAQE/AaDDsW26TXuf/8QAHREAAQIHAAAAAAAAAAAAAAAAAAIDBRQVUVOh0f/aAAgBAgEBPwGaeuUGHYtq6f/EABgQAAIDAAAAAAAAAAAAAAAAAAACNKPR/9oACAEBAAY/AplSYTqUw//EABQQAQAAAAAAAAAAAAAAAAAAABD/2gAIAQEAAT8hAe//2gAMAwEAAgADAAAAEJP/xAAWEQEBAQAAAAAAAAAAAAAAAAAAEfD/2gAIAQMBAT8QaYR//8QAFxEBAAMAAAAAAAAAAAAAAAAAARDR8P/aAAgBAgEBPxDUKjT/xAAUEAEAAAAAAAAAAAAAAAAAAAAQ/9oACAEBAAE/ECgv/9k=");

    /// <summary>The latitude in <see cref="CameraExif"/>: 59° 19′ N.</summary>
    public static readonly (int Degrees, int Minutes) Latitude = (59, 19);

    public const string CameraMake = "TestCam";
    public const string Comment = "Shot on body serial 4711";

    /// <summary>
    /// An EXIF block as a phone writes it (little-endian TIFF): camera make, orientation, and a GPS directory with the latitude.
    /// </summary>
    public static byte[] CameraExif(ushort orientation)
    {
        var tiff = new byte[112];
        var t = tiff.AsSpan();
        "II"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16LittleEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(t[4..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(t[8..], 3);
        Entry(t[10..], 0x010F, type: 2, count: 8, value: 50);          // Make, at 50
        Entry(t[22..], 0x0112, type: 3, count: 1, value: orientation); // Orientation, in place
        Entry(t[34..], 0x8825, type: 4, count: 1, value: 58);          // GPS directory, at 58
        Encoding.ASCII.GetBytes(CameraMake + "\0").CopyTo(t[50..]);
        BinaryPrimitives.WriteUInt16LittleEndian(t[58..], 2);
        Entry(t[60..], 0x0001, type: 2, count: 2, value: 'N');         // GPSLatitudeRef "N", in place
        Entry(t[72..], 0x0002, type: 5, count: 3, value: 88);          // GPSLatitude, three rationals at 88
        foreach (var (index, number) in new[] { (0, Latitude.Degrees), (1, Latitude.Minutes), (2, 0) })
        {
            BinaryPrimitives.WriteUInt32LittleEndian(t[(88 + index * 8)..], (uint)number);
            BinaryPrimitives.WriteUInt32LittleEndian(t[(92 + index * 8)..], 1);
        }
        return tiff;

        static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
        }
    }

    /// <summary>
    /// <paramref name="jpeg"/> as a camera would store it: after JFIF, EXIF with a GPS position, XMP, Photoshop/IPTC
    /// (APP13) and a comment; after the end, a second picture (as MPF previews are appended).
    /// </summary>
    public static byte[] FromACamera(byte[] jpeg, ushort orientation)
    {
        var afterJfif = 2 + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        return [.. jpeg[..afterJfif],
            .. Segment(0xE1, [.. "Exif\0\0"u8, .. CameraExif(orientation)]),
            .. Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes($"<x:xmpmeta><exif:GPSLatitude>{Latitude.Degrees},{Latitude.Minutes}N</exif:GPSLatitude></x:xmpmeta>")]),
            .. Segment(0xED, [.. "Photoshop 3.0\0"u8, .. "8BIM"u8, 0x04, 0x04, 0, 0, 0, 0, 0, 0]),
            .. Segment(0xFE, Encoding.ASCII.GetBytes(Comment)),
            .. jpeg[afterJfif..],
            .. PlainJpeg];
    }

    /// <summary><paramref name="jpeg"/> with only a minimal EXIF block (nothing but the orientation) after JFIF, as stored.</summary>
    public static byte[] WithOnlyOrientation(byte[] jpeg, ushort orientation)
    {
        var afterJfif = 2 + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        return [.. jpeg[..afterJfif], .. Segment(0xE1, [.. "Exif\0\0"u8, .. OrientationOnlyExif(orientation)]), .. jpeg[afterJfif..]];
    }

    /// <summary>A big-endian TIFF header, IFD0 at 8 with one entry (Orientation, SHORT, 1 value) and no next IFD.</summary>
    public static byte[] OrientationOnlyExif(ushort orientation) =>
        [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, 0, 0, 0, 0];

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var header = new byte[4];
        header[0] = 0xFF;
        header[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(payload.Length + 2));
        return [.. header, .. payload];
    }

    /// <summary><see cref="TinyPng"/> with an eXIf chunk (GPS position, orientation) and text chunks after IHDR, and data after IEND.</summary>
    public static byte[] PngFromACamera(ushort orientation) =>
    [
        .. TinyPng[..33],
        .. Chunk("eXIf", CameraExif(orientation)),
        .. Chunk("tEXt", Encoding.Latin1.GetBytes("Author\0" + CameraMake)),
        .. Chunk("iTXt", Encoding.UTF8.GetBytes($"XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>{Latitude.Degrees},{Latitude.Minutes}N</x:xmpmeta>")),
        .. TinyPng[33..],
        .. "trailing bytes"u8,
    ];

    /// <summary>A valid 1 × 1 lossless WebP (simple format: one VP8L chunk).</summary>
    public static readonly byte[] TinyWebp = Convert.FromBase64String("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    public const byte WebpExifFlag = 0x08, WebpXmpFlag = 0x04;

    /// <summary><see cref="TinyWebp"/>'s picture in the extended format: VP8X with <paramref name="flags"/>, then the chunks given.</summary>
    public static byte[] ExtendedWebp(byte flags, params byte[][] chunksAfterImage)
    {
        byte[] body = [.. "WEBP"u8, .. WebpChunk("VP8X", [flags, 0, 0, 0, 0, 0, 0, 0, 0, 0]), .. TinyWebp[12..], .. chunksAfterImage.SelectMany(c => c)];
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
        return [.. "RIFF"u8, .. size, .. body];
    }

    /// <summary>A WebP as an app writing EXIF (GPS position, orientation) and XMP would store it, with data after its end.</summary>
    public static byte[] WebpFromACamera(ushort orientation) =>
    [
        .. ExtendedWebp(WebpExifFlag | WebpXmpFlag, WebpChunk("EXIF", CameraExif(orientation)),
            WebpChunk("XMP ", Encoding.UTF8.GetBytes($"<x:xmpmeta>{Latitude.Degrees},{Latitude.Minutes}N</x:xmpmeta>"))),
        .. "trailing bytes"u8,
    ];

    /// <summary>A valid 1 × 1 GIF: header, screen, two-colour table, a graphic control, one frame, the trailer.</summary>
    public static readonly byte[] TinyGif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
    private const int GifFramesStart = 19; // after the header (6), screen descriptor (7) and colour table (6)

    /// <summary>The looping block an animated GIF carries; it changes how the picture plays, so it stays.</summary>
    public static readonly byte[] GifLoopForever = [0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0];

    /// <summary><see cref="TinyGif"/> as an editor saves it: a comment, an XMP packet (with a GPS position) and the looping block before the frame, and data after the trailer.</summary>
    public static byte[] GifFromAnEditor() =>
    [
        .. TinyGif[..GifFramesStart],
        0x21, 0xFE, .. SubBlocks(Encoding.ASCII.GetBytes($"Shot with a {CameraMake}")),
        0x21, 0xFF, 11, .. "XMP DataXMP"u8, .. GifXmp($"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='{Latitude.Degrees},{Latitude.Minutes}N'/></rdf:RDF></x:xmpmeta>"),
        .. GifLoopForever,
        .. TinyGif[GifFramesStart..],
        .. "trailing bytes"u8,
    ];

    public static byte[] TinyGifWith(params byte[][] blocksBeforeTheFrame) =>
        [.. TinyGif[..GifFramesStart], .. blocksBeforeTheFrame.SelectMany(b => b), .. TinyGif[GifFramesStart..]];

    private static byte[] SubBlocks(byte[] data) => [.. data.Chunk(255).SelectMany(part => (byte[])[(byte)part.Length, .. part]), 0];

    // XMP's way into GIF: the packet's bytes as they are, then a 258-byte "magic trailer" that leads any reader that
    // takes them for sub-blocks to one zero terminator.
    private static byte[] GifXmp(string packet) =>
        [.. Encoding.UTF8.GetBytes(packet), 1, .. Enumerable.Range(0, 256).Select(i => (byte)(255 - i)), 0];

    public static byte[] WebpChunk(string type, byte[] data)
    {
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        return [.. Encoding.ASCII.GetBytes(type), .. size, .. data, .. data.Length % 2 == 1 ? new byte[1] : []];
    }

    public static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.HashToUInt32([.. typeBytes, .. data]));
        return chunk;
    }
}
