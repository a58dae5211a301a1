using NewsPortal.Core.News;

namespace NewsPortal.Core.Import;

/// <summary>What an archived page says, before it becomes a <see cref="NewsItem"/>.</summary>
public sealed record ArchivedPage(
    string Title,
    DateOnly PublishedOn,
    string Language,
    DateOnly? ArchivedOn,
    string? PhotoCaption,
    string? PhotoCredit,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<NewsLink> Links,
    IReadOnlyList<string> Warnings);
