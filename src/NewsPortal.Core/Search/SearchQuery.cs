using System.Globalization;
using System.Text;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Search;

/// <summary>
/// What a reader searched for, already made safe: the words (at most 12, letters, digits and inner - ' . only; anything
/// else typed separates words), the last of which may match as a prefix, and the filters. Engines quote every word, so
/// nothing typed is an operator.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Words, bool LastWordIsPrefix, DateOnly From, DateOnly To, string? Section, DateTime NowUtc)
{
    public static IReadOnlyList<string> WordsOf(string text) =>
        Separate(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('-', '.', '\''))
            .Where(w => w.Length > 0)
            .Take(12)
            .ToList();

    // Punctuation separates words as a space does ("Malmström,Europol" is two words, not "MalmströmEuropol"), and a
    // typographic apostrophe (what phone keyboards type in "Let’s") is the plain one the text was indexed with.
    // Combining marks are dropped, not separators, so a decomposed "o\u0308" stays inside its word.
    private static string Separate(string text)
    {
        var words = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '\'' or '.') words.Append(c);
            else if (c is '\u2019' or '\u2018' or '\u02BC') words.Append('\'');
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
                words.Append(' ');
        }
        return words.ToString();
    }
}

/// <summary>One public item that matched, with its text around the matched words (marked by the engine).</summary>
public sealed record SearchRow(int Id, string Slug, string Title, string Summary, DateOnly PublishedOn, string Language, string Section, DateTime UpdatedAtUtc, string Snippet);

/// <summary>The database's own full-text index: FTS5 on SQLite, tsvector with a GIN index on PostgreSQL.</summary>
public interface IFullTextIndex
{
    /// <summary>Marks the engine puts around matched words in <see cref="SearchRow.Snippet"/>.</summary>
    public const char MatchStart = '\u0002', MatchEnd = '\u0003';

    Task<int> CountAsync(SearchQuery query, CancellationToken ct);

    /// <summary>Best matches first (title counts most, then summary, then body), newest first among equals.</summary>
    Task<List<SearchRow>> PageAsync(SearchQuery query, int skip, int take, CancellationToken ct);
}
