namespace NewsPortal.Core.News;

public enum NewsLinkKind
{
    Speech,
    Video,
    PressRelease,
    Other,
}
