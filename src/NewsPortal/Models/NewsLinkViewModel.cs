using NewsPortal.Core.News;

namespace NewsPortal.Models;

/// <summary>
/// A related link ready to show. When the archive kept only the words (the text dump lost the address),
/// the link leads to the archived original page, where the reader can follow it; <see cref="ViaOriginal"/> says so.
/// </summary>
public sealed record NewsLinkViewModel(NewsLinkKind Kind, string Text, string Href, bool ViaOriginal)
{
    public string KindLabel => Kind switch
    {
        NewsLinkKind.Speech => "Speech",
        NewsLinkKind.Video => "Video",
        NewsLinkKind.PressRelease => "Press release",
        _ => "Link",
    };
}
