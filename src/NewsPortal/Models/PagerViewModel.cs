using NewsPortal.Core.News;

namespace NewsPortal.Models;

/// <summary>Page links for a list at <paramref name="ListPath"/>; a search keeps its query in every link.</summary>
public sealed record PagerViewModel(string ListPath, PagedResult<NewsSummary> Result, string? Query = null)
{
    public string HrefFor(int pageNumber)
    {
        var parameters = new List<string>();
        if (!string.IsNullOrEmpty(Query)) parameters.Add("q=" + Uri.EscapeDataString(Query));
        if (pageNumber > 1) parameters.Add("page=" + pageNumber);
        return parameters.Count == 0 ? ListPath : ListPath + "?" + string.Join("&", parameters);
    }
}
