namespace NewsPortal.Core.News;

/// <summary>Tags are stored as slugs ("cybercrime", "eu-us-relations"), so "Cybercrime" and "cyber­crime" are one tag.</summary>
public static class Tags
{
    public const int MaxPerItem = 20;
    public const int MaxLength = 50;

    /// <summary>All the distinct tags as slugs; none is dropped, so callers check <see cref="CountProblem"/>.</summary>
    public static List<string> Normalize(IEnumerable<string>? tags) =>
        (tags ?? []).Select(t => Slug.From(t, MaxLength)).Where(t => t.Length > 0).Distinct().ToList();

    /// <summary>"the item has 23 different tags; at most 20 are allowed", or null when the count is within the limit.</summary>
    public static string? CountProblem(IReadOnlyCollection<string> normalized) =>
        normalized.Count > MaxPerItem ? $"the item has {normalized.Count} different tags; at most {MaxPerItem} are allowed" : null;

    /// <summary>"cybercrime, EU-US relations" as typed in the editor.</summary>
    public static List<string> Parse(string? typed) => Normalize((typed ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries));
}
