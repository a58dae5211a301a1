using NewsPortal.Core.News;

namespace NewsPortal.Models;

public sealed record SearchViewModel(string Query, PagedResult<NewsSummary>? Result);
