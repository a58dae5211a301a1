using System.Text;
using System.Text.RegularExpressions;

namespace NewsPortal.Core.Rendering;

/// <summary>Turns archived plain text into Markdown that renders back to exactly that text.</summary>
public static partial class PlainTextMarkdown
{
    [GeneratedRegex(@"^(\s*)(#|>|[-+*]\s|=+\s*$|-+\s*$)")]
    private static partial Regex BlockMarker();

    // Digits cannot be escaped, so an ordered-list marker is defused at its "." or ")".
    [GeneratedRegex(@"^(\s*\d+)[.)]\s")]
    private static partial Regex OrderedListMarker();

    /// <summary>One paragraph; its inner line breaks stay line breaks.</summary>
    public static string FromParagraph(string paragraph) =>
        string.Join("\\\n", paragraph.Split('\n').Select(EscapeLine));

    public static string FromParagraphs(IEnumerable<string> paragraphs) =>
        string.Join("\n\n", paragraphs.Select(FromParagraph));

    private static string EscapeLine(string line)
    {
        var escaped = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '!' or '|' or '~' or '&') escaped.Append('\\');
            escaped.Append(c);
        }
        var text = escaped.ToString();
        // A line that starts like a heading, list or rule would change meaning; escape its first marker.
        var marker = BlockMarker().Match(text);
        if (marker.Success) return text.Insert(marker.Groups[1].Length, "\\");
        var ordered = OrderedListMarker().Match(text);
        return ordered.Success ? text.Insert(ordered.Groups[1].Length, "\\") : text;
    }
}
