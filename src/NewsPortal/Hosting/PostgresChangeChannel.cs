using System.Threading.Channels;
using Npgsql;
using NewsPortal.Core.News;

namespace NewsPortal.Hosting;

/// <summary>
/// The PostgreSQL side of <see cref="ContentChangeListener"/>: a commit here sends NOTIFY (naming this instance, which
/// ignores its own); a NOTIFY from another instance bumps the local <see cref="ContentVersion"/>. The delay is one
/// round trip to the database. The first LISTEN is in place before the site serves; if the connection drops, caches
/// are dropped again as soon as it is back (retried every few seconds).
/// </summary>
public sealed class PostgresChangeChannel(string connectionString, ContentVersion version, ILogger logger)
{
    public const string Channel = "newsportal_content_changed";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(3);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Channel<bool> _toSend = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private NpgsqlConnection? _first;

    /// <summary>Listens before the site serves; a database not reachable yet is retried by <see cref="RunAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Many commits in a row need one notification: a pending one already covers them.
        version.CommittedHere += () => _toSend.Writer.TryWrite(true);
        try { _first = await ListenAsync(cancellationToken); }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            logger.LogWarning(e, "Could not listen for content changes from other instances yet; retrying in the background");
        }
    }

    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(KeepListeningAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, notification) =>
        {
            if (notification.Payload != _instance) version.Bump();
        };
        await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
        await listen.ExecuteNonQueryAsync(ct);
        return connection;
    }

    private async Task KeepListeningAsync(CancellationToken stoppingToken)
    {
        var connection = Interlocked.Exchange(ref _first, null);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (connection is null)
                {
                    connection = await ListenAsync(stoppingToken);
                    // Whatever other instances changed while this one was not listening.
                    version.Bump();
                }
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or IOException)
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

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _toSend.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @instance)", connection);
                    notify.Parameters.AddWithValue("channel", Channel);
                    notify.Parameters.AddWithValue("instance", _instance);
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
