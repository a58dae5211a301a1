using NewsPortal.Core.News;

namespace NewsPortal.Models;

public sealed record NewsListViewModel(string Heading, PagedResult<NewsSummary> Result, string ListPath)
{
    /// <summary>Sections and tags have feeds at ListPath/feed.xml and .atom.</summary>
    public bool HasOwnFeeds => ListPath.StartsWith("/sections/", StringComparison.Ordinal) || ListPath.StartsWith("/tags/", StringComparison.Ordinal);
}
