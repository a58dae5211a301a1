namespace NewsPortal.Core.News;

public sealed record YearCount(int Year, int Count);
