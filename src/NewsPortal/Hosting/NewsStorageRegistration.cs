using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Accessibility;
using NewsPortal.Core.Data;
using NewsPortal.Core.Editing;
using NewsPortal.Core.Export;
using NewsPortal.Core.Import;
using NewsPortal.Core.Import.Formats;
using NewsPortal.Core.Media;
using NewsPortal.Core.News;
using NewsPortal.Core.Rendering;
using NewsPortal.Core.Search;
using NewsPortal.Core.Seeding;
using NewsPortal.Core.Storage;
using NewsPortal.Migrations.Postgres;
using NewsPortal.Migrations.Sqlite;

namespace NewsPortal.Hosting;

public static class NewsStorageRegistration
{
    public const string ConnectionStringName = "NewsPortal";

    public static IServiceCollection AddNewsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Resolved from the final configuration (tests and environment variables override appsettings.json).
        services.AddSingleton(provider => new DataFolder(Path.Combine(
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath,
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder)));
        // Only on SQLite: the file the database lives in.
        services.AddSingleton(provider => new SqliteDatabaseFile(SqliteConnectionString(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName),
            provider.GetRequiredService<DataFolder>())));
        services.AddSingleton(provider => new SqliteBackup(
            provider.GetRequiredService<SqliteDatabaseFile>(),
            provider.GetRequiredService<MediaStore>().Folder,
            provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<WriteAheadLogCheckpointer>();
        services.AddHostedService<ContentChangeListener>();
        services.AddSingleton<ContentVersion>();
        services.AddSingleton<OwnCommits>();
        services.AddSingleton<ContentChangeInterceptor>();
        services.AddMemoryCache();
        // Pooled: a request borrows a context with its internal services already built, instead of resolving them anew
        // (that resolution, under locks shared by all requests, was the largest cost of an uncached page).
        services.AddDbContextPool<NewsDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.DatabaseProvider == DatabaseProvider.Postgres)
                PostgresDatabase.Use(options, PostgresConnectionString(provider.GetRequiredService<IConfiguration>()), storage.BusyTimeoutSeconds);
            else
                SqliteDatabase.Use(options, provider.GetRequiredService<SqliteDatabaseFile>().ConnectionString, storage.BusyTimeoutSeconds);
            options.AddInterceptors(provider.GetRequiredService<ContentChangeInterceptor>());
        });
        services.AddSingleton<IPublicItemReader>(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return storage.DatabaseProvider == DatabaseProvider.Postgres
                ? new CompiledPublicItemReader()
                : new SqlitePublicItemReader(provider.GetRequiredService<SqliteDatabaseFile>().ConnectionString,
                    provider.GetRequiredService<TimeProvider>(), storage.BusyTimeoutSeconds);
        });
        services.AddScoped<IFullTextIndex>(provider =>
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.DatabaseProvider == DatabaseProvider.Postgres
                ? new PostgresFullTextIndex(provider.GetRequiredService<NewsDbContext>())
                : new SqliteFullTextIndex(provider.GetRequiredService<NewsDbContext>()));
        // Sign-in cookies and antiforgery tokens are sealed with keys kept in the database: they survive restarts and
        // new containers, travel with backups, and (on a shared database) are the same for every instance.
        var dataProtection = services.AddDataProtection().SetApplicationName("NewsPortal").PersistKeysToDbContext<NewsDbContext>();
        var keyCertificate = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>()?.LoadCertificate();
        if (keyCertificate is not null) dataProtection.ProtectKeysWithCertificate(keyCertificate);

        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<NewsQueries>();
        services.AddScoped<NewsSearch>();
        services.AddScoped<NewsWriter>();
        services.AddScoped<StoredBodyRefresh>();
        services.AddScoped<ArchiveSeeder>();
        services.AddScoped<NewsEditor>();
        services.AddScoped<EditorQueries>();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Order matters only where two formats could both claim a file: HTML before text, text last.
        services.AddScoped<IImportFormat, JsonFormat>();
        services.AddScoped<IImportFormat, MarkdownFrontMatterFormat>();
        services.AddScoped<IImportFormat, ArchivedPageHtmlFormat>();
        services.AddScoped<IImportFormat, CsvFormat>();
        services.AddScoped<IImportFormat, ArchivedPageTextFormat>();
        services.AddScoped<NewsImporter>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ImportOptions>>();
            return new ImportUploadStore(options, provider.GetRequiredService<DataFolder>().Resolve(options.Value.UploadFolder));
        });
        services.AddScoped<NewsExporter>();
        services.AddScoped<ArchiveAccessibilityCheck>();
        services.AddScoped<StorageSweeper>();
        services.AddSingleton<StoredPhotoCleaner>();
        services.AddHostedService<StorageSweeping>();
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MediaOptions>>();
            return new MediaStore(options, provider.GetRequiredService<DataFolder>().Resolve(options.Value.Folder));
        });
        return services;
    }

    public static string PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured && !configured.Contains("Data Source", StringComparison.OrdinalIgnoreCase)
            ? configured
            : throw new StorageException($"Storage:DatabaseProvider is Postgres: set ConnectionStrings__{ConnectionStringName} to the server, " +
                "e.g. Host=db;Database=newsportal;Username=newsportal;Password=….");

    /// <summary>A relative SQLite path is taken from the data folder, like every other piece of state.</summary>
    public static string SqliteConnectionString(string? configured, DataFolder dataFolder)
    {
        if (string.IsNullOrWhiteSpace(configured))
            throw new StorageException(
                $"No database configured: set ConnectionStrings:{ConnectionStringName} (environment variable ConnectionStrings__{ConnectionStringName}).");

        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            throw new StorageException("The portal keeps its data: an in-memory SQLite database is not supported.");
        builder.DataSource = dataFolder.Resolve(builder.DataSource);
        return builder.ConnectionString;
    }

    /// <summary>
    /// Checks the data folder, creates or migrates the database and loads the seed pages before anything is served.
    /// Every storage problem an operator can fix ends the start with a <see cref="StorageException"/> that names it.
    /// </summary>
    /// <param name="serving">True for the web server, which on SQLite must be the only one on this data folder.</param>
    public static async Task PrepareStorageAsync(this WebApplication app, bool serving)
    {
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var folder = app.Services.GetRequiredService<DataFolder>();
        var sqlite = storage.DatabaseProvider == DatabaseProvider.Sqlite;
        // With PostgreSQL the data folder holds only photos, on a mount every instance shares (which may be a network one).
        folder.EnsureUsable(storage.CreateDataFolder, refuseNetworkFileSystem: sqlite, requireMount: storage.RequireMountedDataFolder);
        if (sqlite)
        {
            PrepareSqliteFile(app, folder, serving);
            await MigrateAndSeedAsync(app, sqlite: true);
        }
        else
        {
            // Several instances starting at once: one migrates and seeds while the others wait.
            await PostgresDatabase.RunExclusivelyAsync(PostgresConnectionString(app.Configuration), () => MigrateAndSeedAsync(app, sqlite: false));
        }
    }

    private static async Task MigrateAndSeedAsync(WebApplication app, bool sqlite)
    {
        async Task RefreshStoredItemsAsync(IServiceProvider services)
        {
            var count = await services.GetRequiredService<StoredBodyRefresh>().RunAsync();
            app.Logger.LogInformation("Rendered the bodies of {ItemCount} items again for the upgrade", count);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<NewsDbContext>().Database;
            // Reading the history table is cheap; MigrateAsync also takes the migration lock and compares the whole model,
            // which on an up-to-date database only delays the first page.
            var applied = (await database.GetAppliedMigrationsAsync()).ToList();
            // An older image started on a database a newer one migrated (a rollback, a mixed rolling update) would fail
            // request by request on columns it does not know; it stops here instead.
            var unknown = applied.Except(database.GetMigrations()).ToList();
            if (unknown.Count > 0)
                throw new StorageException($"The database was migrated by a newer version of NewsPortal ({string.Join(", ", unknown)}), " +
                    "which this version does not know. Run that version or a later one, or restore a backup taken before the upgrade.");
            var all = database.GetMigrations().ToList();
            var pending = all.Except(applied).ToList();
            // Part of the upgrade, so it runs where the migrations run (on PostgreSQL, in the one instance that migrates):
            // up to the first pending re-render marker, the re-render, then the marker and the rest.
            var marker = pending.FirstOrDefault(id => StoredBodyRefresh.Markers.Contains(id[(id.IndexOf('_') + 1)..]));
            if (marker is null)
            {
                if (pending.Count > 0) await database.MigrateAsync();
            }
            else if (applied.Any(id => string.CompareOrdinal(id, marker) > 0))
            {
                // A marker merged with a timestamp older than an applied migration: migrating to just before it would take
                // that migration back (dropping what it made), so everything is applied first; the refresh is then not
                // resumable, and runs again at the next start only if this one stops before the migrations are done.
                await database.MigrateAsync();
                await RefreshStoredItemsAsync(scope.ServiceProvider);
            }
            else
            {
                await database.GetService<IMigrator>().MigrateAsync(all[all.IndexOf(marker) - 1]);
                await RefreshStoredItemsAsync(scope.ServiceProvider);
                await database.MigrateAsync();
            }
        }
        if (sqlite)
        {
            var file = app.Services.GetRequiredService<SqliteDatabaseFile>();
            var (journal, synchronous) = file.EnsureWriteAheadLog();
            app.Logger.LogInformation("Database {DatabasePath}: journal mode {JournalMode}, synchronous {Synchronous}", file.Path, journal, synchronous);
        }

        // Independent of each other, so they overlap: most of either is first-use work on the CPU.
        await Task.WhenAll(
            Task.Run(() => InScopeAsync(app, services => AdminBootstrap.EnsureFirstAdminAsync(services, app.Environment, app.Logger))),
            Task.Run(() => InScopeAsync(app, SeedAsync)));

        Task SeedAsync(IServiceProvider services)
        {
            var seed = services.GetRequiredService<IOptions<SeedOptions>>().Value;
            return seed.Enabled
                ? services.GetRequiredService<ArchiveSeeder>().SeedAsync(Path.Combine(app.Environment.ContentRootPath, seed.Folder))
                : Task.CompletedTask;
        }
    }

    private static async Task InScopeAsync(WebApplication app, Func<IServiceProvider, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    private static void PrepareSqliteFile(WebApplication app, DataFolder folder, bool serving)
    {
        if (serving)
        {
            var instanceLock = folder.LockForSingleInstance();
            app.Lifetime.ApplicationStopped.Register(instanceLock.Dispose);
        }
        var file = app.Services.GetRequiredService<SqliteDatabaseFile>();
        if (file.CreateIfMissing()) app.Logger.LogInformation("Created a new database at {DatabasePath}", file.Path);
        file.RefuseStaleMigrationLock();
    }
}
