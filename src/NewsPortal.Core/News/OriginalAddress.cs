using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsPortal.Core.News;

/// <summary>
/// Addresses of the original site in one canonical form, so that a stored address and a requested one compare as plain
/// strings: RFC 3986 section 6.2.2 normalisation (percent escapes in capitals, escaped unreserved characters decoded),
/// with every character a link must escape (spaces, letters outside ASCII) percent-encoded as UTF-8.
/// </summary>
public static partial class OriginalAddress
{
    // What RFC 3986 allows unescaped in a path: unreserved characters, sub-delimiters, ":", "@" and the "/" between
    // segments; a query also allows "?".
    private const string PathCharacters = "-._~!$&'()*+,;=:@/";
    private const string QueryCharacters = PathCharacters + "?";

    /// <summary>
    /// The canonical form of a path with an optional query: "/fake%c3%a5/a%2fb%41 c.htm?lang=en" becomes
    /// "/fake%C3%A5/a%2FbA%20c.htm?lang=en". Escapes of reserved characters stay escaped ("%2F" is not a "/"), a "%"
    /// that starts no escape becomes "%25", a fragment is dropped, and so is an empty query. Null stays null.
    /// </summary>
    public static string? Normalize(string? address)
    {
        if (address is null) return null;
        var fragment = address.IndexOf('#');
        if (fragment >= 0) address = address[..fragment];
        var query = address.IndexOf('?');
        if (query < 0) return NormalizePart(address, PathCharacters);
        var path = NormalizePart(address[..query], PathCharacters);
        return query == address.Length - 1 ? path : path + "?" + NormalizePart(address[(query + 1)..], QueryCharacters);
    }

    /// <summary>
    /// The canonical form of a path as ASP.NET Core's servers hand it over: every escape decoded except "%2F", which stays
    /// escaped so it cannot be taken for a "/". Any other "%" in it was sent as "%25".
    /// </summary>
    public static string FromDecodedPath(string decodedPath) =>
        Normalize(EscapedPercent().Replace(decodedPath, "%25"))!;

    /// <summary>The address without its query: "/x.htm?lang=en" → "/x.htm".</summary>
    public static string WithoutQuery(string address) => address.IndexOf('?') is var query and >= 0 ? address[..query] : address;

    private static string NormalizePart(string part, string allowed)
    {
        var normal = new StringBuilder(part.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < part.Length;)
        {
            if (part[i] == '%' && i + 2 < part.Length && char.IsAsciiHexDigit(part[i + 1]) && char.IsAsciiHexDigit(part[i + 2]))
            {
                var value = (char)byte.Parse(part.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (IsUnreserved(value)) normal.Append(value);
                else AppendEscape(normal, (byte)value);
                i += 3;
                continue;
            }
            // A lone surrogate (not text) becomes U+FFFD rather than an exception.
            Rune.DecodeFromUtf16(part.AsSpan(i), out var rune, out var consumed);
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || allowed.Contains((char)rune.Value))) normal.Append((char)rune.Value);
            else
            {
                // Also a "%" that starts no escape: it stands for itself, so it becomes "%25".
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length]) AppendEscape(normal, b);
            }
            i += consumed;
        }
        return normal.ToString();
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static void AppendEscape(StringBuilder text, byte value) =>
        text.Append('%').Append(value.ToString("X2", CultureInfo.InvariantCulture));

    [GeneratedRegex("%(?!2[Ff])")]
    private static partial Regex EscapedPercent();
}
