using Microsoft.Extensions.Options;
using NewsPortal.Core.News;
using NewsPortal.Core.Storage;

namespace NewsPortal.Hosting;

/// <summary>
/// With several instances on one PostgreSQL, tells every instance when any of them commits a change to news, so none
/// of them serves cached pages or counts from before it (see <see cref="PostgresChangeChannel"/>). On SQLite there is
/// one instance per database file and nothing to listen to.
/// </summary>
public sealed class ContentChangeListener(IOptions<StorageOptions> storage, IConfiguration configuration, ContentVersion version,
    ILogger<ContentChangeListener> logger) : BackgroundService
{
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
        _postgres?.RunAsync(stoppingToken) ?? Task.CompletedTask;
}
