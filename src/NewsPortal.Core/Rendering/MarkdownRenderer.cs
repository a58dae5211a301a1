using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsPortal.Core.Rendering;

/// <summary>
/// The one Markdown pipeline for item bodies, used at save time and by the editor preview.
/// Three walls: Markdig without raw HTML or generic attributes, a URL-scheme allowlist on the syntax tree,
/// and HtmlSanitizer over the output (Markdig's author recommends sanitizing the HTML, markdig #128).
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    // Built on first use, once: HtmlSanitizer's static set-up takes a quarter of a second, and the portal's start (where
    // the seeder brings this renderer along but rarely renders) should not wait for it. Behind a nested class, not a
    // Lazy<HtmlSanitizer> field, so that neither HtmlSanitizer nor AngleSharp is even loaded before then.
    private static class Sanitizer
    {
        public static readonly HtmlSanitizer Instance = CreateSanitizer();
    }

    public const string TooDeeplyNested = "is nested too deeply to display (hundreds of levels of quotes, lists or brackets); simplify it";

    /// <summary>Never throws on hostile input: what Markdig refuses (absurd nesting) is shown as plain text.</summary>
    public string ToHtml(string markdown)
    {
        try
        {
            return Render(markdown);
        }
        catch (ArgumentException)
        {
            // Markdig stops at its depth limit instead of overflowing the stack; keep the words, drop the structure.
            return "<p>" + System.Net.WebUtility.HtmlEncode(markdown) + "</p>";
        }
    }

    /// <summary>The words a reader sees, without Markdown syntax or link addresses (for search and its extracts).</summary>
    public string ToPlainText(string markdown)
    {
        try
        {
            return Markdown.ToPlainText(markdown, _pipeline).Trim();
        }
        catch (ArgumentException)
        {
            return markdown;
        }
    }

    /// <summary>Null when the text renders as Markdown; otherwise why not (for validation messages).</summary>
    public string? Problem(string markdown)
    {
        try
        {
            Markdown.Parse(markdown, _pipeline);
            return null;
        }
        catch (ArgumentException)
        {
            return TooDeeplyNested;
        }
    }

    private string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        DefuseUnsafeLinks(document);
        var html = document.ToHtml(_pipeline);
        return Sanitizer.Instance.Sanitize(html);
    }

    /// <summary>True for relative URLs and http, https and mailto; browsers ignore tabs and newlines in a
    /// scheme ("java&#x09;script:"), so those are removed before looking.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon) return true;
        return AllowedSchemes.Contains(compact[..colon]);
    }

    /// <summary>True for addresses on the portal itself (paths such as /media/…); false for any scheme and for "//host".</summary>
    private static bool IsOnThisSite(string? url)
    {
        var compact = new string((url ?? "").Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if (compact.StartsWith("//", StringComparison.Ordinal)) return false;
        var colon = compact.IndexOf(':');
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon);
    }

    private static void DefuseUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage && IsSafeUrl(link.Url) && !IsOnThisSite(link.Url))
            {
                // The CSP (img-src 'self') would block it, and loading it would tell the other site who reads the
                // item: a link to the image instead, named by its alt text.
                link.IsImage = false;
                if (link.FirstChild is null) link.AppendChild(new LiteralInline("Image: " + link.Url));
                continue;
            }
            if (IsSafeUrl(link.Url)) continue;
            if (link.IsImage)
            {
                link.Remove();
                continue;
            }
            // Keep the link's words, drop the address.
            var children = link.ToList();
            foreach (var child in children)
            {
                child.Remove();
                link.InsertBefore(child);
            }
            link.Remove();
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (IsSafeUrl(autolink.Url)) continue;
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "em", "strong", "del", "ins", "sup", "sub", "code", "pre", "blockquote",
                "a", "img", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "start" },
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        return new HtmlSanitizer(options);
    }
}
