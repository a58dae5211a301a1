namespace NewsPortal.Core.News;

/// <summary>
/// A number that changes whenever committed news content may have changed; derived data cached under it
/// (year counts, last update) is never served stale after a save or an import.
/// </summary>
public sealed class ContentVersion
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}
