using NewsPortal.Core.News;
using NewsPortal.Core.Rendering;

namespace NewsPortal.Core.Import;

/// <summary>Turns a parsed archived page into a news item as the original site showed it.</summary>
public static class ArchivedPageMapper
{
    private const int SummaryLength = 300;

    public static NewsItem ToNewsItem(ArchivedPage page, string? sourceAddress)
    {
        var body = PlainTextMarkdown.FromParagraphs(page.Paragraphs);
        return new NewsItem
        {
            Slug = Slug.From(page.Title),
            Title = page.Title,
            Summary = Summarize(page.Paragraphs.FirstOrDefault() ?? ""),
            Body = body,
            PublishedOn = page.PublishedOn,
            Language = page.Language,
            Section = NewsSection.News,
            Status = NewsStatus.Published,
            ArchivedOn = page.ArchivedOn,
            SourceAddress = sourceAddress,
            Photo = page.PhotoCaption is null && page.PhotoCredit is null
                ? null
                : new NewsPhoto { Caption = page.PhotoCaption, Credit = page.PhotoCredit },
            Links = page.Links.ToList(),
        };
    }

    /// <summary>The first line of the first paragraph, cut at a word boundary.</summary>
    public static string Summarize(string paragraph)
    {
        var firstLine = paragraph.Split('\n')[0];
        if (firstLine.Length <= SummaryLength) return firstLine;
        var cut = firstLine.LastIndexOf(' ', SummaryLength);
        return firstLine[..(cut > 0 ? cut : SummaryLength)] + "…";
    }
}
