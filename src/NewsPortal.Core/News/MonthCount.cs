namespace NewsPortal.Core.News;

public sealed record MonthCount(int Year, int Month, int Count);
