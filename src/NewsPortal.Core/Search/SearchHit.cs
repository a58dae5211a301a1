using NewsPortal.Core.News;

namespace NewsPortal.Core.Search;

/// <summary>A found item with a short extract of its text around the match; the matched words are in <see cref="Snippet"/>'s marks.</summary>
public sealed record SearchHit(NewsSummary Item, SearchSnippet Snippet);

/// <summary>An extract as text pieces, every other one a match, so a view can mark matches without raw HTML.</summary>
public sealed record SearchSnippet(IReadOnlyList<(string Text, bool IsMatch)> Pieces);
