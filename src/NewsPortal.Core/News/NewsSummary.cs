namespace NewsPortal.Core.News;

/// <summary>An item as lists show it.</summary>
public sealed record NewsSummary(string Slug, string Title, string Summary, DateOnly PublishedOn, string Language, NewsSection Section);
