namespace NewsPortal.Core.News;

/// <summary>
/// A slug an item had before a save renamed it. Its old address (bookmarks, feeds, search engines, links elsewhere)
/// answers 301 to the item's address now, so renaming never breaks a link. Recorded by <see cref="Data.NewsDbContext"/>.
/// </summary>
public sealed class FormerSlug
{
    public string Slug { get; set; } = "";

    /// <summary>The item that had it last (a slug can pass from item to item).</summary>
    public int NewsItemId { get; set; }
}
