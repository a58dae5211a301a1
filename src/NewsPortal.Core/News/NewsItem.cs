namespace NewsPortal.Core.News;

public sealed class NewsItem
{
    public const int TitleMaxLength = 300;
    public const int SlugMaxLength = 120;
    public const int SummaryMaxLength = 1000;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>The body as editors write it.</summary>
    public string Body { get; set; } = "";

    /// <summary>The body rendered and sanitized at save time, so reads never run the Markdown pipeline.</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>The body's words without Markdown, made at save time: what search indexes and quotes in its extracts.</summary>
    public string BodyText { get; set; } = "";

    public DateOnly PublishedOn { get; set; }
    public NewsSection Section { get; set; }

    /// <summary>BCP 47 language tag of the content, e.g. "en" or "sv".</summary>
    public string Language { get; set; } = "en";

    public NewsStatus Status { get; set; }

    /// <summary>For scheduled items: the UTC moment from which the item is public.</summary>
    public DateTime? PublishAtUtc { get; set; }

    public NewsPhoto? Photo { get; set; }
    public List<NewsLink> Links { get; set; } = [];

    /// <summary>Tag slugs; each tag has its own page and feeds.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The page's address on the original site, e.g. /commission_2010-2014/.../20120503_en.htm.</summary>
    public string? SourceAddress { get; set; }

    /// <summary>The date the original site was archived; the page is a capture of that day.</summary>
    public DateOnly? ArchivedOn { get; set; }

    public string? SourceFileName { get; set; }

    /// <summary>SHA-256 (hex) of the imported source file, so re-importing it is recognised.</summary>
    public string? SourceSha256 { get; set; }

    /// <summary>The import batch that last wrote this item, if any.</summary>
    public int? ImportBatchId { get; set; }

    /// <summary>Application-managed optimistic concurrency token; SQLite has no rowversion.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// The key of the new-item form this item was created from: sending that form again (double click, browser retry,
    /// back and resubmit) finds this item instead of creating a second one. Null for imported items.
    /// </summary>
    public Guid? CreationKey { get; set; }

    /// <summary>Deleted items keep their row (and history) and answer 410 Gone publicly.</summary>
    public DateTime? DeletedAtUtc { get; set; }
    public string? DeletedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Whether readers may see the item at this moment; NewsQueries says the same in SQL.</summary>
    public bool IsPublicAt(DateTime utcNow) =>
        DeletedAtUtc is null && (Status == NewsStatus.Published || (Status == NewsStatus.Scheduled && PublishAtUtc <= utcNow));
}
