namespace NewsPortal.Core.Import;

/// <summary>
/// One item as every import format reads it and the JSON export writes it (the documented exchange schema).
/// Dates and enums are text here; <see cref="ImportValidator"/> checks and converts them once for all formats.
/// </summary>
public sealed class ImportedItem
{
    public string? Title { get; set; }
    public string? Slug { get; set; }

    /// <summary>"2012-05-03" (ISO 8601) or the archive's own "3 May 2012".</summary>
    public string? Date { get; set; }

    public string? Section { get; set; }
    public string? Language { get; set; }
    public string? Status { get; set; }

    /// <summary>For scheduled items: ISO 8601 date and time, e.g. "2026-01-01T09:00:00Z".</summary>
    public string? PublishAt { get; set; }

    public string? Summary { get; set; }
    public string? Body { get; set; }
    public ImportedPhoto? Photo { get; set; }
    public List<ImportedLink>? Links { get; set; }
    public List<string>? Tags { get; set; }
    public string? SourceAddress { get; set; }
    public string? ArchivedOn { get; set; }
}

public sealed class ImportedPhoto
{
    public string? Alt { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
}

public sealed class ImportedLink
{
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public string? Url { get; set; }
}
