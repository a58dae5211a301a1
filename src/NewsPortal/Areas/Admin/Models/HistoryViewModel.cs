using NewsPortal.Core.Editing;
using NewsPortal.Core.News;

namespace NewsPortal.Areas.Admin.Models;

/// <param name="Problem">Why the last restore did nothing, when it broke a rule.</param>
public sealed record HistoryViewModel(NewsItem Item, IReadOnlyList<NewsItemRevision> Revisions, string? Problem = null);

public sealed record DiffViewModel(NewsItem Item, NewsItemRevision From, NewsItemRevision To, IReadOnlyList<FieldChange> Changes);
