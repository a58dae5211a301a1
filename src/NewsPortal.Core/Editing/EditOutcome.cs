using NewsPortal.Core.News;

namespace NewsPortal.Core.Editing;

public enum EditStatus
{
    Saved,
    /// <summary>Someone else saved first; nothing was written. <see cref="EditOutcome.Current"/> holds their version.</summary>
    Conflict,
    /// <summary>The item no longer exists (or was deleted); nothing was written.</summary>
    Gone,
    /// <summary>The input breaks a rule; <see cref="EditOutcome.Errors"/> says which field and why.</summary>
    Invalid,
}

public sealed record EditOutcome(EditStatus Status, NewsItem? Current = null, IReadOnlyDictionary<string, string>? Errors = null)
{
    public static EditOutcome Saved(NewsItem item) => new(EditStatus.Saved, item);
    public static EditOutcome Conflict(NewsItem current) => new(EditStatus.Conflict, current);
    public static readonly EditOutcome Gone = new(EditStatus.Gone);
    public static EditOutcome Invalid(string field, string message) => new(EditStatus.Invalid, Errors: new Dictionary<string, string> { [field] = message });
}
