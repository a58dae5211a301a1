using NewsPortal.Core.News;

namespace NewsPortal.Models;

/// <summary>An item page: the item (or one of its published revisions) with everything needed to cite it.</summary>
public sealed record NewsItemViewModel(
    NewsItem Item,
    IReadOnlyList<NewsLinkViewModel> Links,
    string? OriginalUrl,
    string CanonicalUrl = "",
    string TimeMapUrl = "",
    string JsonLd = "",
    PublicRevision? Revision = null)
{
    public static NewsItemViewModel From(NewsItem item, ArchiveOptions archive)
    {
        var original = archive.OriginalUrlFor(item.SourceAddress);
        var links = item.Links
            .Select(l => string.IsNullOrEmpty(l.Url)
                ? original is null ? null : new NewsLinkViewModel(l.Kind, l.Text, original, ViaOriginal: true)
                : new NewsLinkViewModel(l.Kind, l.Text, l.Url, ViaOriginal: false))
            .OfType<NewsLinkViewModel>()
            .ToList();
        return new NewsItemViewModel(item, links, original);
    }
}
