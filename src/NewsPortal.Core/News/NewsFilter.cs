namespace NewsPortal.Core.News;

/// <summary>Narrows a public list to one year and/or section; empty means everything.</summary>
public sealed record NewsFilter(int? Year = null, NewsSection? Section = null, int? Month = null, string? Tag = null)
{
    public static readonly NewsFilter All = new();
}
