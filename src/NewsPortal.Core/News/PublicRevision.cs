using NewsPortal.Core.Editing;

namespace NewsPortal.Core.News;

/// <summary>A saved version of a published item, as readers may see it at its own address.</summary>
public sealed record PublicRevision(int Number, DateTime SavedAtUtc, NewsItemContent Content);
