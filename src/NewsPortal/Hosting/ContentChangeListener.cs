using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NewsPortal.Core.News;
using NewsPortal.Core.Storage;

namespace NewsPortal.Hosting;

/// <summary>
/// With several instances on one PostgreSQL, tells every instance when any of them commits a change, so none of them
/// serves cached pages or counts from before it: a commit here sends NOTIFY; a NOTIFY from anywhere bumps the local
/// <see cref="ContentVersion"/>. The delay is one round trip to the database (milliseconds). While the listening
/// connection is down, caches are dropped again as soon as it is back, and retried every few seconds.
/// </summary>
public sealed class ContentChangeListener(IOptions<StorageOptions> storage, IConfiguration configuration, ContentVersion version,
    ILogger<ContentChangeListener> logger) : BackgroundService
{
    public const string Channel = "newsportal_content_changed";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(3);

    private readonly Channel<bool> _toSend = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage.Value.DatabaseProvider != DatabaseProvider.Postgres) return;
        var connectionString = NewsStorageRegistration.PostgresConnectionString(configuration);
        // Many commits in a row need one notification: a pending one already covers them.
        version.CommittedHere += () => _toSend.Writer.TryWrite(true);
        await Task.WhenAll(ListenAsync(connectionString, stoppingToken), SendAsync(connectionString, stoppingToken));
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => version.Bump();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Whatever changed while this instance was not listening.
                version.Bump();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                logger.LogWarning(e, "Listening for content changes from other instances failed; retrying in {Delay}", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SendAsync(string connectionString, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _toSend.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var notify = new NpgsqlCommand($"NOTIFY {Channel}", connection);
                    await notify.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
                {
                    logger.LogWarning(e, "Telling other instances about a content change failed; they catch up when their listener reconnects");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
