using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NewsPortal.Core.News;
using NewsPortal.Core.Storage;

namespace NewsPortal.Hosting;

/// <summary>
/// Tells this instance when news was committed by someone else, so it never serves cached pages or counts from before:
/// another instance on the same PostgreSQL (see <see cref="PostgresChangeChannel"/>), or the `import` command, which
/// may run beside the site on either database.
/// </summary>
public sealed class ContentChangeListener(IOptions<StorageOptions> storage, IConfiguration configuration, IServiceProvider services,
    ContentVersion version, ILogger<ContentChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan SqlitePollInterval = TimeSpan.FromSeconds(2);

    // Its own class, so that a site on SQLite never loads Npgsql.
    private PostgresChangeChannel? _postgres;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.DatabaseProvider == DatabaseProvider.Postgres)
        {
            _postgres = new PostgresChangeChannel(NewsStorageRegistration.PostgresConnectionString(configuration), version, logger);
            await _postgres.StartAsync(cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _postgres?.RunAsync(stoppingToken) ?? WatchSqliteFileAsync(services.GetRequiredService<SqliteDatabaseFile>().ConnectionString, stoppingToken);

    /// <summary>
    /// SQLite's data_version, read again on the same connection, changes when any other connection has committed since:
    /// the command's, and the site's own (one more eviction of pages its save already evicted). Checked every
    /// <see cref="SqlitePollInterval"/>; one tiny read, no lock held in between.
    /// </summary>
    private async Task WatchSqliteFileAsync(string connectionString, CancellationToken stoppingToken)
    {
        SqliteConnection? connection = null;
        long seen = 0;
        using var timer = new PeriodicTimer(SqlitePollInterval);
        try
        {
            do
            {
                try
                {
                    if (connection is null)
                    {
                        // The portal's own connection string: read-write but never creating a database that vanished.
                        connection = new SqliteConnection(connectionString);
                        await connection.OpenAsync(stoppingToken);
                        seen = await DataVersionAsync(connection, stoppingToken);
                        continue;
                    }
                    var now = await DataVersionAsync(connection, stoppingToken);
                    if (now == seen) continue;
                    seen = now;
                    version.Bump();
                }
                catch (SqliteException e)
                {
                    // The database problem itself is reported by readiness and the pages; here it is only retried.
                    logger.LogDebug(e, "Could not read the database's data version; trying again");
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                    version.Bump();
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    private static async Task<long> DataVersionAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var read = new SqliteCommand("PRAGMA data_version", connection);
        return (long)(await read.ExecuteScalarAsync(ct))!;
    }
}
