using NewsPortal.Core.Editing;
using NewsPortal.Core.News;

namespace NewsPortal.Areas.Admin.Models;

public sealed record HistoryViewModel(NewsItem Item, IReadOnlyList<NewsItemRevision> Revisions);

public sealed record DiffViewModel(NewsItem Item, NewsItemRevision From, NewsItemRevision To, IReadOnlyList<FieldChange> Changes);
