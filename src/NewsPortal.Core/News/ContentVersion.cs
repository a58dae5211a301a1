namespace NewsPortal.Core.News;

/// <summary>
/// A number that changes whenever committed news content may have changed; derived data cached under it
/// (year counts, last update) is never served stale after a save or an import.
/// </summary>
public sealed class ContentVersion
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    /// <summary>Raised after every change of <see cref="Value"/>: caches keyed by an older value may be dropped.</summary>
    public event Action? Changed;

    /// <summary>Content changed, here or (told by the database) on another instance, or a scheduled item came due.</summary>
    public void Bump()
    {
        Interlocked.Increment(ref _value);
        Changed?.Invoke();
    }
}
