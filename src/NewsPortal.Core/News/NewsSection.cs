namespace NewsPortal.Core.News;

/// <summary>The kind of archived page an item came from; each has its own list in the left navigation.</summary>
public enum NewsSection
{
    News,
    Speech,
    PressRelease,
    Video,
}
