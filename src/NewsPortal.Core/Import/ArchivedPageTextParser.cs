using System.Globalization;
using System.Text.RegularExpressions;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Import;

/// <summary>
/// Reads the text dump of a page of the archived Commission site: banner, off-screen chrome headings,
/// title, date line, optional photo caption ending "Photo: CREDIT", body, closing "Read ... / watch ..." line.
/// </summary>
public static partial class ArchivedPageTextParser
{
    // The 2012 template printed these as off-screen headings before each block; they are chrome, not content.
    private static readonly HashSet<string> ChromeHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Navigation path", "Sökväg", "Left navigation", "Additional tools",
    };

    private static readonly HashSet<string> MoreHeadings = new(StringComparer.Ordinal) { "MORE", "MER" };

    [GeneratedRegex(@"^This site has been archived on \((?<y>\d{4})/(?<m>\d{2})/(?<d>\d{2})\)$")]
    private static partial Regex BannerLine();

    [GeneratedRegex(@"^\d{2}/\d{2}/\d{2}$")]
    private static partial Regex ShortDateLine();

    [GeneratedRegex(@"^(?<caption>.*\S)\s+(?:Photo|Foto):\s*(?<credit>\S.*?)\.?$")]
    private static partial Regex CaptionLine();

    [GeneratedRegex(@"^(?:Read|Läs)\b|\bwatch (?:a|the) video\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingLine();

    [GeneratedRegex(@",?\s+and\s+(?=(?:read|watch|see|listen)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LinkSeparator();

    [GeneratedRegex(@"\bat (?<host>(?:[a-z0-9-]+\.)+[a-z]{2,})\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingHost();

    public static ArchivedPage Parse(string text)
    {
        var blocks = SplitIntoBlocks(text);
        var warnings = new List<string>();
        DateOnly? archivedOn = null;
        var index = 0;

        // Chrome first: banner, the short date line and the hidden region headings, in any order and grouping.
        for (; index < blocks.Count; index++)
        {
            var lines = blocks[index].Text.Split('\n');
            if (!lines.All(IsChromeLine)) break;
            foreach (var line in lines)
            {
                var banner = BannerLine().Match(line);
                if (banner.Success) archivedOn = ParseBannerDate(banner, blocks[index].LineNumber);
            }
        }
        if (archivedOn is null) warnings.Add("No \"This site has been archived on\" banner line.");

        if (index >= blocks.Count)
            throw new ArchivedPageFormatException("No title: the page holds nothing after the archive banner and navigation headings.");
        var title = blocks[index];
        if (title.Text.Contains('\n'))
            throw new ArchivedPageFormatException($"Line {title.LineNumber}: expected the title on one line, found a paragraph.");
        index++;

        if (index >= blocks.Count || !ArchiveDateFormats.TryParseDateLine(blocks[index].Text, out var publishedOn, out var language))
        {
            var line = index < blocks.Count ? blocks[index].LineNumber : title.LineNumber + 1;
            throw new ArchivedPageFormatException(
                $"Line {line}: could not find the date line after the title (expected a date such as \"3 May 2012\" or \"6 oktober 2011\").");
        }
        index++;

        string? caption = null, credit = null;
        if (index < blocks.Count && !blocks[index].Text.Contains('\n'))
        {
            var captionMatch = CaptionLine().Match(blocks[index].Text);
            if (captionMatch.Success)
            {
                caption = captionMatch.Groups["caption"].Value;
                credit = captionMatch.Groups["credit"].Value;
                index++;
            }
        }

        var paragraphs = new List<string>();
        var links = new List<NewsLink>();
        for (; index < blocks.Count; index++)
        {
            var block = blocks[index].Text;
            if (MoreHeadings.Contains(block)) continue;
            var isLast = index == blocks.Count - 1;
            var followsMore = index > 0 && MoreHeadings.Contains(blocks[index - 1].Text);
            if ((isLast || followsMore) && !block.Contains('\n') && ClosingLine().IsMatch(block))
            {
                links.AddRange(ParseLinks(block, warnings));
                continue;
            }
            paragraphs.Add(block);
        }
        if (paragraphs.Count == 0) warnings.Add("The page has no body paragraphs.");

        return new ArchivedPage(title.Text, publishedOn, language, archivedOn, caption, credit, paragraphs, links, warnings);
    }

    private static bool IsChromeLine(string line) =>
        BannerLine().IsMatch(line) || ShortDateLine().IsMatch(line) || ChromeHeadings.Contains(line);

    private static DateOnly ParseBannerDate(Match banner, int lineNumber)
    {
        var text = $"{banner.Groups["y"].Value}-{banner.Groups["m"].Value}-{banner.Groups["d"].Value}";
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new ArchivedPageFormatException($"Line {lineNumber}: the archive banner's date {text} does not exist.");
        return date;
    }

    /// <summary>"Read X's full speech here, and watch a video from the conference at csis.org" gives two links.</summary>
    private static IEnumerable<NewsLink> ParseLinks(string closingLine, List<string> warnings)
    {
        foreach (var part in LinkSeparator().Split(closingLine.TrimEnd('.')))
        {
            var text = part.Trim().TrimEnd('.', ',');
            if (text.EndsWith(" here", StringComparison.OrdinalIgnoreCase))
            {
                text = text[..^" here".Length];
                warnings.Add($"Link text 'here' is not descriptive; the link reads \"{text}\" instead.");
            }
            if (text.Length == 0) continue;
            text = char.ToUpperInvariant(text[0]) + text[1..];
            var host = TrailingHost().Match(text);
            yield return new NewsLink
            {
                Kind = KindOf(text),
                Text = text,
                // The page names the host ("at csis.org") but not the exact address; the host is all we know.
                Url = host.Success ? $"http://{host.Groups["host"].Value.ToLowerInvariant()}/" : null,
            };
        }
    }

    private static NewsLinkKind KindOf(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.Contains("speech") || lower.Contains(" tal")) return NewsLinkKind.Speech;
        if (lower.Contains("video") || lower.Contains("film")) return NewsLinkKind.Video;
        if (lower.Contains("press release") || lower.Contains("pressmeddelande")) return NewsLinkKind.PressRelease;
        return NewsLinkKind.Other;
    }

    private sealed record Block(string Text, int LineNumber);

    /// <summary>Blank lines separate blocks; lines inside a block are kept (they were &lt;br&gt; in the original).</summary>
    private static List<Block> SplitIntoBlocks(string text)
    {
        var blocks = new List<Block>();
        var current = new List<string>();
        var start = 0;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            if (current.Count == 0) start = i + 1;
            current.Add(line);
        }
        Flush();
        return blocks;

        void Flush()
        {
            if (current.Count == 0) return;
            blocks.Add(new Block(string.Join('\n', current), start));
            current.Clear();
        }
    }
}
