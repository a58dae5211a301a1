using NewsPortal.Core.News;
using NewsPortal.Core.Storage;

namespace NewsPortal.Hosting;

/// <summary>
/// A scheduled item becomes public when its time comes, without any save. This keeps the time of the next one in
/// memory; the first request at or after it (or a timer) changes the content version, so cached pages and counts that
/// do not show the item yet are dropped. It looks again after every change and at least every ten minutes.
/// </summary>
public sealed class ScheduledPublication(IServiceScopeFactory scopes, ContentVersion version, TimeProvider clock,
    ILogger<ScheduledPublication> logger) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(10);
    private long _nextDueTicks; // 0: nothing scheduled

    /// <summary>Cheap enough for every request: one clock read and a comparison.</summary>
    public void BumpIfDue()
    {
        var due = Interlocked.Read(ref _nextDueTicks);
        if (due != 0 && clock.GetUtcNow().UtcTicks >= due && Interlocked.CompareExchange(ref _nextDueTicks, 0, due) == due)
            version.Bump();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changed = new SemaphoreSlim(0, 1);
        void Recheck() { try { changed.Release(); } catch (SemaphoreFullException) { } }
        version.Changed += Recheck;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var due = await NextDueAsync(stoppingToken);
                Interlocked.Exchange(ref _nextDueTicks, due?.Ticks ?? 0);
                var wait = due is { } at ? Clamp(at - clock.GetUtcNow().UtcDateTime) : LongestWait;
                if (!await changed.WaitAsync(wait, stoppingToken)) BumpIfDue();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            version.Changed -= Recheck;
        }
    }

    private async Task<DateTime?> NextDueAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NewsQueries>().NextScheduledPublicationAsync(ct);
        }
        catch (Exception e) when (DatabaseFailure.Classify(e) is not null)
        {
            logger.LogWarning(e, "Could not look for scheduled items; trying again in a minute");
            return clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestWait ? LongestWait : wait;
}
