namespace NewsPortal.Core.News;

/// <summary>Tags are stored as slugs ("cybercrime", "eu-us-relations"), so "Cybercrime" and "cyber­crime" are one tag.</summary>
public static class Tags
{
    public const int MaxPerItem = 20;
    public const int MaxLength = 50;

    public static List<string> Normalize(IEnumerable<string>? tags) =>
        (tags ?? []).Select(t => Slug.From(t, MaxLength)).Where(t => t.Length > 0).Distinct().Take(MaxPerItem).ToList();

    /// <summary>"cybercrime, EU-US relations" as typed in the editor.</summary>
    public static List<string> Parse(string? typed) => Normalize((typed ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries));
}
