namespace NewsPortal.Tests.Fixtures;

/// <summary>A clock a test can move forward, to reach session limits without waiting.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
