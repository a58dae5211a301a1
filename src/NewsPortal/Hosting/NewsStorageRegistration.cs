using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
using NewsPortal.Migrations.Sqlite;

namespace NewsPortal.Hosting;

public static class NewsStorageRegistration
{
    public const string ConnectionStringName = "NewsPortal";

    public static IServiceCollection AddNewsStorage(this IServiceCollection services)
    {
        // Resolved from the final configuration (tests and environment variables override appsettings.json).
        services.AddSingleton(provider => new NewsDatabaseSettings(SqliteConnectionString(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddSingleton<ContentVersion>();
        services.AddSingleton<ContentChangeInterceptor>();
        services.AddMemoryCache();
        services.AddDbContext<NewsDbContext>((provider, options) =>
            SqliteDatabase.Use(options, provider.GetRequiredService<NewsDatabaseSettings>().ConnectionString)
                .AddInterceptors(provider.GetRequiredService<ContentChangeInterceptor>()));

        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<NewsQueries>();
        services.AddScoped<NewsSearch>();
        services.AddScoped<NewsWriter>();
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
            var root = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new ImportUploadStore(options, Path.GetFullPath(Path.Combine(root, options.Value.UploadFolder)));
        });
        services.AddScoped<NewsExporter>();
        services.AddScoped<StorageSweeper>();
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MediaOptions>>();
            var root = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new MediaStore(options, Path.GetFullPath(Path.Combine(root, options.Value.Folder)));
        });
        return services;
    }

    /// <summary>
    /// A relative SQLite path is anchored to the content root, not the working directory (which is bin/ under
    /// tests), and its folder is created so a fresh clone just runs.
    /// </summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(configured))
            throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings:{ConnectionStringName} (environment variable ConnectionStrings__{ConnectionStringName}).");

        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory) return builder.ConnectionString;
        if (!Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations and loads the seed pages before the first request is served.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await db.Database.MigrateAsync();
        await AdminBootstrap.EnsureFirstAdminAsync(scope.ServiceProvider, app.Environment, app.Logger);
        await scope.ServiceProvider.GetRequiredService<StorageSweeper>().SweepAsync(
            scope.ServiceProvider.GetRequiredService<MediaStore>().Folder,
            scope.ServiceProvider.GetRequiredService<ImportUploadStore>().Folder);

        var seed = scope.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (seed.Enabled)
            await scope.ServiceProvider.GetRequiredService<ArchiveSeeder>()
                .SeedAsync(Path.Combine(app.Environment.ContentRootPath, seed.Folder));
    }
}
