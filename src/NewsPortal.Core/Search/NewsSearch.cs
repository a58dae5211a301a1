using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Search;

/// <summary>
/// Full-text search with SQLite FTS5: relevance (bm25, title weighted highest), snippets with the matched words,
/// paging and filters by year and section, over public items only.
/// </summary>
public sealed class NewsSearch(NewsDbContext db, TimeProvider clock)
{
    // Control characters cannot occur in stored text, so they mark matches unambiguously.
    private const char MatchStart = '\u0002', MatchEnd = '\u0003';

    private sealed record Row(int Id, string Slug, string Title, string Summary, DateOnly PublishedOn, string Language, string Section, string Snippet);

    public async Task<PagedResult<SearchHit>?> SearchAsync(string query, int? year, NewsSection? section, int page, int pageSize, CancellationToken ct = default)
    {
        var match = ToMatchExpression(query);
        if (page < 1) return null;
        if (match is null) return new PagedResult<SearchHit>([], 1, pageSize, 0);

        var now = clock.GetUtcNow().UtcDateTime;
        var from = year is { } y ? new DateOnly(y, 1, 1) : DateOnly.MinValue;
        var to = year is { } z ? new DateOnly(z, 12, 31) : DateOnly.MaxValue;
        var sectionName = section?.ToString();

        var total = await db.Database.SqlQuery<int>($"""
            SELECT COUNT(*) AS Value FROM NewsItemsSearch s CROSS JOIN NewsItems i ON i.Id = s.rowid
            WHERE NewsItemsSearch MATCH {match}
              AND i.DeletedAtUtc IS NULL AND (i.Status = 'Published' OR (i.Status = 'Scheduled' AND i.PublishAtUtc <= {now}))
              AND i.PublishedOn BETWEEN {from} AND {to}
              AND ({sectionName} IS NULL OR i.Section = {sectionName})
            """).SingleAsync(ct);
        var result = new PagedResult<SearchHit>([], page, pageSize, total);
        if (page > result.PageCount) return null;

        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT i.Id, i.Slug, i.Title, i.Summary, i.PublishedOn, i.Language, i.Section,
                   snippet(NewsItemsSearch, -1, {MatchStart.ToString()}, {MatchEnd.ToString()}, '…', 24) AS Snippet
            FROM NewsItemsSearch s CROSS JOIN NewsItems i ON i.Id = s.rowid
            WHERE NewsItemsSearch MATCH {match}
              AND i.DeletedAtUtc IS NULL AND (i.Status = 'Published' OR (i.Status = 'Scheduled' AND i.PublishAtUtc <= {now}))
              AND i.PublishedOn BETWEEN {from} AND {to}
              AND ({sectionName} IS NULL OR i.Section = {sectionName})
            ORDER BY bm25(NewsItemsSearch, 10.0, 3.0, 1.0), i.PublishedOn DESC
            LIMIT {pageSize} OFFSET {(page - 1) * pageSize}
            """).ToListAsync(ct);

        var hits = rows.Select(r => new SearchHit(
            new NewsSummary(r.Slug, r.Title, r.Summary, r.PublishedOn, r.Language, Enum.Parse<NewsSection>(r.Section)),
            ToSnippet(r.Snippet))).ToList();
        return result with { Items = hits };
    }

    /// <summary>
    /// Every word the reader typed must occur (a prefix of the last one is enough, for search as you type);
    /// words are quoted, so FTS5 operators in the input are searched for, never executed.
    /// </summary>
    public static string? ToMatchExpression(string query)
    {
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => char.IsLetterOrDigit(c) || c is '-' or '\'' or '.').ToArray()).Trim('-', '.', '\''))
            .Where(w => w.Length > 0)
            .Take(12)
            .ToList();
        if (words.Count == 0) return null;
        var expression = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0) expression.Append(' ');
            expression.Append('"').Append(words[i].Replace("\"", "\"\"")).Append('"');
            if (i == words.Count - 1 && words[i].Length >= 3) expression.Append('*');
        }
        return expression.ToString();
    }

    private static SearchSnippet ToSnippet(string snippet)
    {
        var pieces = new List<(string, bool)>();
        var text = new StringBuilder();
        var inMatch = false;
        foreach (var c in snippet.Replace("\\", ""))
        {
            if (c is MatchStart or MatchEnd)
            {
                if (text.Length > 0) pieces.Add((text.ToString(), inMatch));
                text.Clear();
                inMatch = c == MatchStart;
                continue;
            }
            text.Append(c);
        }
        if (text.Length > 0) pieces.Add((text.ToString(), inMatch));
        return new SearchSnippet(pieces);
    }
}
