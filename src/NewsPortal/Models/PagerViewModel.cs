namespace NewsPortal.Models;

/// <summary>Page links for a list at <paramref name="ListPath"/>; filters (a search's query, year...) stay in every link.</summary>
public sealed record PagerViewModel(string ListPath, int Page, int PageCount, IReadOnlyList<KeyValuePair<string, string?>>? Parameters = null)
{
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    public string HrefFor(int pageNumber)
    {
        var parameters = (Parameters ?? []).Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        if (pageNumber > 1) parameters.Add("page=" + pageNumber);
        return parameters.Count == 0 ? ListPath : ListPath + "?" + string.Join("&", parameters);
    }
}
