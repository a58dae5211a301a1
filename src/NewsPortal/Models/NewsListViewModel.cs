using NewsPortal.Core.News;

namespace NewsPortal.Models;

public sealed record NewsListViewModel(string Heading, PagedResult<NewsSummary> Result, string ListPath);
