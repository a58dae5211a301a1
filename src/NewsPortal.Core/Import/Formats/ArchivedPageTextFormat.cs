using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using NewsPortal.Core.News;
using NewsPortal.Core.Rendering;

namespace NewsPortal.Core.Import.Formats;

/// <summary>Text dumps of archived pages (the seed's format): one item per file.</summary>
public sealed class ArchivedPageTextFormat(IOptions<ArchiveOptions> archive) : IImportFormat
{
    public string Name => "archived page (text)";

    public bool Recognizes(string fileName, string head) =>
        head.Contains("This site has been archived on", StringComparison.Ordinal)
        || head.Contains("\nNavigation path", StringComparison.Ordinal) || head.Contains("\nSökväg", StringComparison.Ordinal)
        || (fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && !head.TrimStart().StartsWith('<'));

    public async IAsyncEnumerable<ImportRecord> ReadAsync(ImportSource source, [EnumeratorCancellation] CancellationToken ct)
    {
        var text = await SourceInspection.ReadAllTextAsync(source, ct);
        yield return Read(source.Name, text);
    }

    private ImportRecord Read(string name, string text)
    {
        try
        {
            var page = ArchivedPageTextParser.Parse(text);
            return new ImportRecord(name, ToImportedItem(page, name, archive.Value), Warnings: page.Warnings);
        }
        catch (ArchivedPageFormatException error)
        {
            return ImportRecord.Failed(name, error.Message);
        }
    }

    private const int SummaryLength = 300;

    /// <summary>The first line of the first paragraph, cut at a word boundary.</summary>
    public static string Summarize(string paragraph)
    {
        var firstLine = paragraph.Split('\n')[0];
        if (firstLine.Length <= SummaryLength) return firstLine;
        var cut = firstLine.LastIndexOf(' ', SummaryLength);
        return firstLine[..(cut > 0 ? cut : SummaryLength)] + "…";
    }

    /// <summary>The page as an exchange record: its text becomes Markdown that renders back to the same words.</summary>
    public static ImportedItem ToImportedItem(ArchivedPage page, string fileName, ArchiveOptions archive) => new()
    {
        Title = page.Title,
        Date = page.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Language = page.Language,
        Section = "news",
        Status = "published",
        Summary = Summarize(page.Paragraphs.FirstOrDefault() ?? ""),
        Body = PlainTextMarkdown.FromParagraphs(page.Paragraphs),
        Photo = page.PhotoCaption is null && page.PhotoCredit is null ? null : new ImportedPhoto { Caption = page.PhotoCaption, Credit = page.PhotoCredit },
        Links = page.Links.Select(l => new ImportedLink { Kind = l.Kind.ToString().ToLowerInvariant(), Text = l.Text, Url = l.Url }).ToList(),
        SourceAddress = archive.SourceAddressFromFileName(fileName) ?? archive.SourceAddressFor(page.PublishedOn, page.Language),
        ArchivedOn = (page.ArchivedOn ?? archive.ArchivedOn).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
