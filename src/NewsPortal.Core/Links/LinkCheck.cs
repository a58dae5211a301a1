namespace NewsPortal.Core.Links;

public enum LinkState
{
    /// <summary>Answered 2xx, directly or through redirects within the allowed hosts.</summary>
    Working,
    /// <summary>Redirects to a host outside LinkWatch:AllowedHosts, which is not asked.</summary>
    MovedAway,
    /// <summary>Answered 4xx or 5xx, or no answer in time.</summary>
    Broken,
}

/// <summary>The latest check of one address found in items (a related link or a link in a body).</summary>
public sealed class LinkCheck
{
    public const int UrlMaxLength = 2048, DetailMaxLength = 500;

    public string Url { get; set; } = "";
    public LinkState State { get; set; }

    /// <summary>What was seen, in words: "404 Not Found", "no answer within 15 s", "moves to https://…".</summary>
    public string Detail { get; set; } = "";

    public DateTime CheckedAtUtc { get; set; }

    /// <summary>The first check of the current run of failures; null while it works.</summary>
    public DateTime? BrokenSinceUtc { get; set; }
}
