using NewsPortal.Core.News;

namespace NewsPortal.Core.Editing;

/// <summary>
/// Everything an editor can change on an item: what the form posts, what a revision snapshots, what a
/// restore puts back. Ids, provenance and audit fields are deliberately absent (no mass assignment).
/// </summary>
public sealed record NewsItemContent
{
    public string Title { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Body { get; init; } = "";
    public DateOnly PublishedOn { get; init; }
    public NewsSection Section { get; init; }
    public string Language { get; init; } = "en";
    public NewsStatus Status { get; init; }
    public DateTime? PublishAtUtc { get; init; }
    public string? PhotoFileName { get; init; }
    public string? PhotoAltText { get; init; }
    public string? PhotoCaption { get; init; }
    public string? PhotoCredit { get; init; }
    public IReadOnlyList<NewsLink> Links { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];

    public static NewsItemContent Of(NewsItem item) => new()
    {
        Title = item.Title,
        Slug = item.Slug,
        Summary = item.Summary,
        Body = item.Body,
        PublishedOn = item.PublishedOn,
        Section = item.Section,
        Language = item.Language,
        Status = item.Status,
        PublishAtUtc = item.PublishAtUtc,
        PhotoFileName = item.Photo?.FileName,
        PhotoAltText = item.Photo?.AltText,
        PhotoCaption = item.Photo?.Caption,
        PhotoCredit = item.Photo?.Credit,
        Links = item.Links.Select(l => new NewsLink { Kind = l.Kind, Text = l.Text, Url = l.Url }).ToList(),
        Tags = item.Tags.ToList(),
    };

    public void ApplyTo(NewsItem item)
    {
        item.Title = Title;
        item.Slug = Slug;
        item.Summary = Summary;
        item.Body = Body;
        item.PublishedOn = PublishedOn;
        item.Section = Section;
        item.Language = Language;
        item.Status = Status;
        item.PublishAtUtc = Status == NewsStatus.Scheduled ? PublishAtUtc : null;
        var photo = new NewsPhoto { FileName = PhotoFileName, AltText = PhotoAltText, Caption = PhotoCaption, Credit = PhotoCredit };
        item.Photo = photo.IsEmpty && string.IsNullOrEmpty(PhotoAltText) ? null : photo;
        item.Links = Links.Select(l => new NewsLink { Kind = l.Kind, Text = l.Text, Url = l.Url }).ToList();
        item.Tags = News.Tags.Normalize(Tags);
    }
}
