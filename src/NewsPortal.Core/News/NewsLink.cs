namespace NewsPortal.Core.News;

/// <summary>
/// A related link such as "Read the full speech". Archived text dumps keep the link text but not the
/// address, so <see cref="Url"/> may be empty until an editor or a richer import supplies it.
/// </summary>
public sealed class NewsLink
{
    public NewsLinkKind Kind { get; set; }
    public required string Text { get; set; }
    public string? Url { get; set; }
}
