using NewsPortal.Core.News;

namespace NewsPortal.Models;

public sealed record HomeViewModel(IReadOnlyList<NewsSummary> Latest);
