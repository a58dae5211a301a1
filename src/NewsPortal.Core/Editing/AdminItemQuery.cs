using NewsPortal.Core.News;

namespace NewsPortal.Core.Editing;

public enum AdminItemSort
{
    DateDesc,
    DateAsc,
    TitleAsc,
    TitleDesc,
    UpdatedDesc,
}

/// <summary>The admin list's filters. Sort is an enum, so only known orders reach the database.</summary>
public sealed record AdminItemQuery(
    string? Search = null,
    NewsStatus? Status = null,
    NewsSection? Section = null,
    AdminItemSort Sort = AdminItemSort.DateDesc,
    int Page = 1,
    int PageSize = 20);

/// <summary>A deleted item as the list of deleted items shows it, with the version its "bring back" form carries.</summary>
public sealed record DeletedItemRow(int Id, string Title, DateOnly PublishedOn, DateTime DeletedAtUtc, string? DeletedBy, Guid Version);

public sealed record AdminItemRow(int Id, string Slug, string Title, DateOnly PublishedOn, NewsStatus Status, NewsSection Section, DateTime UpdatedAtUtc, string? UpdatedBy);
