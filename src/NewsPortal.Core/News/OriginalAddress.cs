using System.Text;

namespace NewsPortal.Core.News;

/// <summary>Addresses of the original site as they are stored: paths with every character a link must escape percent-encoded.</summary>
public static class OriginalAddress
{
    // What RFC 3986 allows unescaped in a path: unreserved characters, sub-delimiters, ":", "@" and the "/" between segments.
    private const string Unescaped = "-._~!$&'()*+,;=:@/";

    /// <summary>The path with spaces, "%", non-ASCII letters and the like as UTF-8 percent escapes in capitals ("a b" → "a%20b").</summary>
    public static string Encode(string path)
    {
        var encoded = new StringBuilder(path.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in path.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || Unescaped.Contains((char)rune.Value)))
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length]) encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
