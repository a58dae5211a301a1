using System.Text;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Search;

/// <summary>
/// Full-text search over public items: relevance (title weighted highest), snippets with the matched words, paging,
/// and filters by year and section. The database's own index does the matching (<see cref="IFullTextIndex"/>).
/// </summary>
public sealed class NewsSearch(IFullTextIndex index, TimeProvider clock)
{
    public async Task<PagedResult<SearchHit>?> SearchAsync(string query, int? year, NewsSection? section, int page, int pageSize, CancellationToken ct = default)
    {
        if (page < 1) return null;
        var words = SearchQuery.WordsOf(query);
        if (words.Count == 0) return new PagedResult<SearchHit>([], 1, pageSize, 0);

        // Every word must occur; a prefix of the last one is enough (search as you type) once it has 3 characters.
        var request = new SearchQuery(words, words[^1].Length >= 3,
            year is { } y ? new DateOnly(y, 1, 1) : DateOnly.MinValue,
            year is { } z ? new DateOnly(z, 12, 31) : DateOnly.MaxValue,
            section?.ToString(), clock.GetUtcNow().UtcDateTime);

        var total = await index.CountAsync(request, ct);
        var result = new PagedResult<SearchHit>([], page, pageSize, total);
        if (page > result.PageCount) return null;

        var rows = await index.PageAsync(request, (page - 1) * pageSize, pageSize, ct);
        var hits = rows.Select(r => new SearchHit(
            new NewsSummary(r.Slug, r.Title, r.Summary, r.PublishedOn, r.Language, Enum.Parse<NewsSection>(r.Section), r.UpdatedAtUtc),
            ToSnippet(r.Snippet))).ToList();
        return result with { Items = hits };
    }

    private static SearchSnippet ToSnippet(string snippet)
    {
        var pieces = new List<(string, bool)>();
        var text = new StringBuilder();
        var inMatch = false;
        foreach (var c in snippet)
        {
            if (c is IFullTextIndex.MatchStart or IFullTextIndex.MatchEnd)
            {
                if (text.Length > 0) pieces.Add((text.ToString(), inMatch));
                text.Clear();
                inMatch = c == IFullTextIndex.MatchStart;
                continue;
            }
            text.Append(c);
        }
        if (text.Length > 0) pieces.Add((text.ToString(), inMatch));
        return new SearchSnippet(pieces);
    }
}
