using Npgsql;
using NewsPortal.Core.News;

namespace NewsPortal.Hosting;

/// <summary>
/// The PostgreSQL side of <see cref="ContentChangeListener"/>. Triggers on the news tables send NOTIFY with every commit
/// that changes them (migration ContentChangeNotifications), whoever the writer: another instance, this one, or the
/// `import` command. Each notification bumps the local <see cref="ContentVersion"/>; the delay is one round trip to the
/// database. The first LISTEN is in place before the site serves; a connection that drops or stops answering is replaced
/// (retried every few seconds), and caches are dropped again as soon as it is back.
/// </summary>
public sealed class PostgresChangeChannel(string connectionString, ContentVersion version, ILogger logger)
{
    public const string Channel = "newsportal_content_changed";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(3);
    // A connection cut without a word (a balancer's idle timeout, a failover) would wait for notifications forever;
    // a query after this much silence fails on it within the command timeout, and it is replaced.
    private static readonly TimeSpan ProbeAfter = TimeSpan.FromSeconds(30);

    private NpgsqlConnection? _first;

    /// <summary>Listens before the site serves; a database not reachable yet is retried by <see cref="RunAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try { _first = await ListenAsync(cancellationToken); }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            logger.LogWarning(e, "Could not listen for content changes from other instances yet; retrying in the background");
        }
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var connection = Interlocked.Exchange(ref _first, null);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (connection is null)
                {
                    connection = await ListenAsync(stoppingToken);
                    // Whatever was committed while this instance was not listening.
                    version.Bump();
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (await connection.WaitAsync(ProbeAfter, stoppingToken)) continue;
                    await using var probe = new NpgsqlCommand("SELECT 1", connection);
                    await probe.ExecuteNonQueryAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or IOException or InvalidOperationException)
            {
                logger.LogWarning(e, "Listening for content changes from other instances failed; retrying in {Delay}", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            finally
            {
                if (connection is not null) await connection.DisposeAsync();
                connection = null;
            }
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, _) => version.Bump();
        await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
        await listen.ExecuteNonQueryAsync(ct);
        return connection;
    }
}
