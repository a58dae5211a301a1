namespace NewsPortal.Core.News;

/// <summary>An item as lists and feeds show it; <see cref="UpdatedAtUtc"/> is its last save (feeds announce corrections with it).</summary>
public sealed record NewsSummary(string Slug, string Title, string Summary, DateOnly PublishedOn, string Language, NewsSection Section, DateTime UpdatedAtUtc);
