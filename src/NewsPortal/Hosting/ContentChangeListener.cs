using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;
using NewsPortal.Core.Storage;

namespace NewsPortal.Hosting;

/// <summary>
/// Tells this instance when news was committed by someone else, so it never serves cached pages or counts from before:
/// another instance on the same PostgreSQL (see <see cref="PostgresChangeChannel"/>), or the `import` command, which
/// may run beside the site on either database.
/// </summary>
public sealed class ContentChangeListener(IOptions<StorageOptions> storage, IConfiguration configuration, IServiceProvider services,
    ContentVersion version, OwnCommits own, ILogger<ContentChangeListener> logger) : BackgroundService
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
    /// The ContentChanges counter, which triggers raise with every committed change to news items or revisions, whoever
    /// the writer: the command's, an operator's SQL, and the site's own, which are left out (<see cref="OwnCommits"/>:
    /// the save already dropped the pages). Sign-ins and audit entries leave it alone. Read every
    /// <see cref="SqlitePollInterval"/> on one kept connection (so a database file moved away under the site does not
    /// read as a change); one tiny read, no lock held in between.
    /// </summary>
    private async Task WatchSqliteFileAsync(string connectionString, CancellationToken stoppingToken)
    {
        SqliteConnection? connection = null;
        long? seen = null;
        // Set when the count could not be read after it had been: changes may have been missed meanwhile.
        var lostSight = false;
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
                    }
                    var now = await ChangeCountAsync(connection, stoppingToken);
                    if (now == seen) continue;
                    var first = seen is null;
                    seen = now;
                    if ((!first && !own.WasOwn(now)) || lostSight) version.Bump();
                    lostSight = false;
                }
                catch (SqliteException e)
                {
                    // The database problem itself is reported by readiness and the pages, and pages already cached go on
                    // being served meanwhile; here it is only retried, and the caches are dropped once it reads again.
                    logger.LogDebug(e, "Could not read the database's content change count; trying again");
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                    lostSight |= seen is not null;
                    seen = null;
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

    private static async Task<long> ChangeCountAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var read = new SqliteCommand("""SELECT "Count" FROM "ContentChanges" """, connection);
        return (long)(await read.ExecuteScalarAsync(ct))!;
    }
}
