using NewsPortal.Core.Editing;
using NewsPortal.Core.News;

namespace NewsPortal.Areas.Admin.Models;

/// <summary>Someone saved first: their saved version, and the editor's own text kept in a form based on it.</summary>
public sealed record ConflictViewModel(int Id, NewsItem Theirs, ItemFormModel Yours, IReadOnlyList<FieldChange> Differences);
