using System.Runtime.CompilerServices;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Import.Formats;

/// <summary>
/// Archived pages saved as HTML. The page's text is read like the text dump (so chrome is dropped the same way)
/// and the closing links keep their addresses. Only text is taken: no markup from the file reaches the site,
/// and nothing it references is ever fetched.
/// </summary>
public sealed class ArchivedPageHtmlFormat(IOptions<ArchiveOptions> archive) : IImportFormat
{
    private static readonly string[] ActiveElements = ["script", "iframe", "object", "embed", "form", "style", "base", "link", "meta[http-equiv]", "svg"];

    public string Name => "archived page (HTML)";

    public bool Recognizes(string fileName, string head)
    {
        var start = head.TrimStart();
        return start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith('<') && (fileName.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase)));
    }

    public async IAsyncEnumerable<ImportRecord> ReadAsync(ImportSource source, [EnumeratorCancellation] CancellationToken ct)
    {
        var html = await SourceInspection.ReadAllTextAsync(source, ct);
        yield return Read(source.Name, html);
    }

    private ImportRecord Read(string name, string html)
    {
        // The HTML parser never loads external resources or resolves DTD entities (no XXE).
        var document = new HtmlParser().ParseDocument(html);
        var warnings = new List<string>();
        foreach (var selector in ActiveElements)
        {
            var count = document.QuerySelectorAll(selector).Length;
            if (count > 0) warnings.Add($"Removed {count} <{selector.Split('[')[0]}> element(s).");
        }
        foreach (var element in document.QuerySelectorAll(string.Join(",", ActiveElements) + ",noscript,template")) element.Remove();

        var text = string.Join("\n\n", Blocks(document.Body));
        ArchivedPage page;
        try
        {
            page = ArchivedPageTextParser.Parse(text);
        }
        catch (ArchivedPageFormatException error)
        {
            return ImportRecord.Failed(name, error.Message.Replace("Line ", "Text block at line ", StringComparison.Ordinal));
        }

        var item = ArchivedPageTextFormat.ToImportedItem(page, name, archive.Value);
        var anchors = ClosingAnchors(document);
        for (var i = 0; i < item.Links!.Count && i < anchors.Count; i++)
            item.Links[i].Url = anchors[i];
        return new ImportRecord(name, item, Warnings: page.Warnings.Concat(warnings).ToList());
    }

    /// <summary>The page's text blocks in order, one per paragraph-like element; &lt;br&gt; stays a line break.</summary>
    private static IEnumerable<string> Blocks(IElement? body)
    {
        if (body is null) yield break;
        foreach (var element in body.QuerySelectorAll("h1,h2,h3,h4,p,figcaption,li,div:not(:has(h1,h2,h3,h4,p,figcaption,li,div))"))
        {
            foreach (var br in element.QuerySelectorAll("br")) br.Replace(element.Owner!.CreateTextNode("\n"));
            var lines = element.TextContent.Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
                .Where(l => l.Length > 0);
            var block = string.Join('\n', lines);
            if (block.Length > 0) yield return block;
        }
    }

    /// <summary>http(s) addresses of the anchors in the closing "Read ... / watch ..." paragraph, in order.</summary>
    private static List<string> ClosingAnchors(IDocument document)
    {
        var closing = document.QuerySelectorAll("p").LastOrDefault(p => p.QuerySelector("a[href]") is not null
            && (p.TextContent.Contains("Read", StringComparison.Ordinal) || p.TextContent.Contains("watch", StringComparison.OrdinalIgnoreCase)));
        return closing?.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!.Trim())
            .Where(href => Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .ToList() ?? [];
    }
}
