using Microsoft.Extensions.Options;
using NewsPortal.Core.Storage;

namespace NewsPortal.Hosting;

/// <summary>Truncates SQLite's write-ahead log on a timer, so a site that is never without readers keeps it small.</summary>
public sealed class WriteAheadLogCheckpointer(IServiceProvider services, IOptions<StorageOptions> options, TimeProvider clock,
    ILogger<WriteAheadLogCheckpointer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.DatabaseProvider != DatabaseProvider.Sqlite) return;
        var database = services.GetRequiredService<SqliteDatabaseFile>();
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await database.CheckpointAsync(stoppingToken);
                if (result.Blocked)
                    logger.LogWarning("The write-ahead log could not be checkpointed completely ({Checkpointed} of {Pages} pages): a reader or writer held it", result.CheckpointedPages, result.LogPages);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e) when (DatabaseFailure.Classify(e) is not null)
            {
                logger.LogWarning(e, "Checkpointing the write-ahead log failed; it is tried again in {Interval}", options.Value.CheckpointInterval);
            }
        }
    }
}
