using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using static NewsPortal.Core.Search.IFullTextIndex;

namespace NewsPortal.Core.Search;

/// <summary>
/// PostgreSQL full-text search: the stored column "SearchVector" (title weighted A, summary B, body as plain text C) under a GIN
/// index, ranked by ts_rank, with ts_headline snippets made only for the page shown. The text search configuration
/// "newsportal" is "simple" plus unaccent, so it matches like SQLite's FTS5 (no stemming, diacritics ignored).
/// </summary>
public sealed class PostgresFullTextIndex(NewsDbContext db) : IFullTextIndex
{
    private static readonly string HeadlineOptions = $"StartSel={MatchStart}, StopSel={MatchEnd}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…";

    public Task<int> CountAsync(SearchQuery query, CancellationToken ct)
    {
        var text = TsQuery(query);
        return db.Database.SqlQuery<int>($"""
            SELECT COUNT(*)::int AS "Value" FROM "NewsItems" i
            WHERE i."SearchVector" @@ to_tsquery('newsportal', {text})
              AND i."DeletedAtUtc" IS NULL AND (i."Status" = 'Published' OR (i."Status" = 'Scheduled' AND i."PublishAtUtc" <= {query.NowUtc}))
              AND i."PublishedOn" BETWEEN {query.From} AND {query.To}
              AND ({query.Section}::text IS NULL OR i."Section" = {query.Section})
            """).SingleAsync(ct);
    }

    public Task<List<SearchRow>> PageAsync(SearchQuery query, int skip, int take, CancellationToken ct)
    {
        var text = TsQuery(query);
        return db.Database.SqlQuery<SearchRow>($"""
            SELECT i."Id", i."Slug", i."Title", i."Summary", i."PublishedOn", i."Language", i."Section", i."UpdatedAtUtc",
                   ts_headline('newsportal', i."Summary" || ' ' || i."BodyText", to_tsquery('newsportal', {text}), {HeadlineOptions}) AS "Snippet"
            FROM (
                SELECT i."Id", ts_rank(i."SearchVector", to_tsquery('newsportal', {text})) AS "Rank"
                FROM "NewsItems" i
                WHERE i."SearchVector" @@ to_tsquery('newsportal', {text})
                  AND i."DeletedAtUtc" IS NULL AND (i."Status" = 'Published' OR (i."Status" = 'Scheduled' AND i."PublishAtUtc" <= {query.NowUtc}))
                  AND i."PublishedOn" BETWEEN {query.From} AND {query.To}
                  AND ({query.Section}::text IS NULL OR i."Section" = {query.Section})
                ORDER BY "Rank" DESC, i."PublishedOn" DESC, i."Id" DESC
                LIMIT {take} OFFSET {skip}
            ) page
            JOIN "NewsItems" i ON i."Id" = page."Id"
            ORDER BY page."Rank" DESC, i."PublishedOn" DESC, i."Id" DESC
            """).ToListAsync(ct);
    }

    /// <summary>
    /// Every word must occur. Each is a quoted lexeme (quotes doubled), so tsquery operators typed in are searched for,
    /// never executed; apostrophes split words, as the parser does when it indexes.
    /// </summary>
    public static string TsQuery(SearchQuery query)
    {
        var terms = query.Words.SelectMany(w => w.Split('\'', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var expression = new StringBuilder();
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0) expression.Append(" & ");
            expression.Append('\'').Append(terms[i].Replace("\\", "").Replace("'", "''")).Append('\'');
            if (i == terms.Count - 1 && query.LastWordIsPrefix) expression.Append(":*");
        }
        return expression.ToString();
    }
}
