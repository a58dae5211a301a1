using NewsPortal.Core.News;

namespace NewsPortal.Models;

public sealed record LeftNavigationViewModel(IReadOnlyList<YearCount> Years, IReadOnlyList<MonthCount> Months);
