using NewsPortal.Core.News;
using NewsPortal.Core.Search;

namespace NewsPortal.Models;

public sealed record SearchViewModel(string Query, int? Year, NewsSection? Section, IReadOnlyList<YearCount> Years, PagedResult<SearchHit>? Result)
{
    public PagerViewModel Pager => new("/search", Result?.Page ?? 1, Result?.PageCount ?? 1,
        [new("q", Query), new("year", Year?.ToString()), new("section", Section is { } s ? SectionNames.PathOf(s) : null)]);
}
