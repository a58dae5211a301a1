namespace NewsPortal.Core.Media;

/// <summary>
/// Removes metadata from a GIF without decoding it: comment extensions and application extensions (XMP, editor
/// data) are dropped; the frames, their graphic controls, plain text, the looping block of animations and an ICC
/// colour profile are copied. Data after the trailer is dropped.
/// </summary>
public static class GifMetadata
{
    private const byte ExtensionIntroducer = 0x21, ImageSeparator = 0x2C, Trailer = 0x3B;
    private const byte CommentLabel = 0xFE, ApplicationLabel = 0xFF;
    private const int HeaderLength = 6, ScreenDescriptorLength = 7, ImageDescriptorLength = 10;

    // Application blocks that change how the picture plays or looks; everything else an application writes is data about it.
    private static readonly HashSet<string> KeptApplications = ["NETSCAPE2.0", "ANIMEXTS1.0", "ICCRGBG1012"];

    /// <summary>The GIF without metadata, or null when its blocks cannot be followed (then it is not stored).</summary>
    public static byte[]? Strip(ReadOnlySpan<byte> gif)
    {
        var position = HeaderLength + ScreenDescriptorLength;
        if (gif.Length < position) return null;
        position += ColourTableLength(gif[HeaderLength + 4]);
        using var output = new MemoryStream(gif.Length);
        output.Write(gif[..Math.Min(position, gif.Length)]);

        while (position < gif.Length)
        {
            var start = position;
            switch (gif[position])
            {
                case Trailer:
                    output.WriteByte(Trailer);
                    return output.ToArray();
                case ImageSeparator:
                    if (position + ImageDescriptorLength >= gif.Length) return null;
                    position += ImageDescriptorLength + ColourTableLength(gif[position + 9]) + 1; // + the LZW code size
                    if (SkipSubBlocks(gif, ref position) is false) return null;
                    output.Write(gif[start..position]);
                    break;
                case ExtensionIntroducer:
                    if (position + 2 >= gif.Length) return null;
                    var label = gif[position + 1];
                    position += 2;
                    var firstBlock = gif[position..];
                    if (SkipSubBlocks(gif, ref position) is false) return null;
                    if (label != CommentLabel && (label != ApplicationLabel || IsKeptApplication(firstBlock)))
                        output.Write(gif[start..position]);
                    break;
                default:
                    return null;
            }
        }
        return null; // no trailer: truncated
    }

    // A packed field's high bit says a colour table follows; its low three bits give 2^(n+1) entries of three bytes.
    private static int ColourTableLength(byte packed) => (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);

    private static bool IsKeptApplication(ReadOnlySpan<byte> blocks) =>
        blocks.Length >= 12 && blocks[0] == 11 && KeptApplications.Contains(System.Text.Encoding.ASCII.GetString(blocks.Slice(1, 11)));

    /// <summary>Moves past a chain of length-prefixed sub-blocks and its zero terminator.</summary>
    private static bool SkipSubBlocks(ReadOnlySpan<byte> gif, ref int position)
    {
        while (position < gif.Length)
        {
            var size = gif[position++];
            if (size == 0) return true;
            position += size;
        }
        return false;
    }
}
