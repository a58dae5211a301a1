using NewsPortal.Core.Import;
using NewsPortal.Core.Media;

namespace NewsPortal.Hosting;

/// <summary>
/// Runs the <see cref="StorageSweeper"/> shortly after start and then daily, beside serving rather than before it: the
/// files it removes are a day old at least, so nothing is in a hurry, and the first reader should not wait for it.
/// Before that, stored photos that still carry metadata are cleaned, once per data folder.
/// </summary>
public sealed class StorageSweeping(IServiceScopeFactory scopes, StoredPhotoCleaner photos, MediaStore media, TimeProvider clock, ILogger<StorageSweeping> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield(); // let the host finish starting
            try
            {
                await photos.CleanAsync(media.Folder, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Removing metadata from stored photos failed; it is tried again on the next start");
            }
            await Task.Delay(FirstDelay, clock, stoppingToken);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<StorageSweeper>().SweepAsync(
                        media.Folder,
                        scope.ServiceProvider.GetRequiredService<ImportUploadStore>().Folder, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Removing abandoned files failed; trying again in {Interval}", Interval);
                }
                await Task.Delay(Interval, clock, stoppingToken);
            } while (!stoppingToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
