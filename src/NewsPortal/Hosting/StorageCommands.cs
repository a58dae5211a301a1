using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Storage;

namespace NewsPortal.Hosting;

/// <summary>
/// The operator's storage commands:
///   backup FILE          a consistent zip of the database and photos, taken while the site runs
///   restore FILE         replaces the database and adds the photos from a backup; the site must be stopped
///   unlock-migrations    releases a migration lock left by a start that was killed while it migrated
/// </summary>
public static class StorageCommands
{
    /// <summary>On PostgreSQL the database server's own tools do this job, and do it better.</summary>
    public static bool RefusedOnPostgres(WebApplication app, string command)
    {
        if (app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabaseProvider != DatabaseProvider.Postgres) return false;
        Console.Error.WriteLine(command == "unlock-migrations"
            ? "Not needed on PostgreSQL: EF Core's migration lock there is an advisory lock that ends with its session."
            : $"`{command}` works on SQLite only. On PostgreSQL back up with pg_dump (pg_dump -Fc newsportal > newsportal.dump) and restore " +
              "with pg_restore, and copy the shared photo folder (Storage:DataFolder) with it; see \"Scaling out\" in the README.");
        return true;
    }

    public static async Task<int> BackupAsync(WebApplication app, string[] args, CancellationToken ct)
    {
        if (RefusedOnPostgres(app, "backup")) return 2;
        if (args.Length < 2)
        {
            Console.Error.WriteLine("Usage: backup FILE   (a .zip holding newsportal.db and the photos)");
            return 2;
        }
        RequireDatabase(app);
        var manifest = await app.Services.GetRequiredService<SqliteBackup>().CreateAsync(args[1], ct);
        Console.WriteLine($"Backed up {manifest.Items} items and {manifest.Photos} photos to {Path.GetFullPath(args[1])}.");
        return 0;
    }

    public static async Task<int> RestoreAsync(WebApplication app, string[] args, CancellationToken ct)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("Usage: restore FILE   (a zip made by `backup`; stop the portal first)");
            return 2;
        }
        if (RefusedOnPostgres(app, "restore")) return 2;
        var folder = app.Services.GetRequiredService<DataFolder>();
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        folder.EnsureUsable(storage.CreateDataFolder, requireMount: storage.RequireMountedDataFolder);
        IDisposable siteLock;
        try { siteLock = folder.LockForSingleInstance(); }
        catch (StorageException running)
        {
            throw new StorageException("Stop the portal before restoring: " + running.Message, running);
        }
        using (siteLock)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var known = scope.ServiceProvider.GetRequiredService<NewsDbContext>().Database.GetMigrations().ToList();
            var result = await app.Services.GetRequiredService<SqliteBackup>().RestoreAsync(args[1], known, ct);
            Console.WriteLine($"Restored {result.Backup.Items} items and {result.Backup.Photos} photos from the backup of {result.Backup.CreatedUtc:u}.");
            if (result.SetAsideFolder is not null)
                Console.WriteLine($"The database it replaced was moved to {result.SetAsideFolder}.");
            Console.WriteLine("Start the portal; it brings the database up to date if the backup is from an older version.");
        }
        return 0;
    }

    public static int UnlockMigrations(WebApplication app)
    {
        if (RefusedOnPostgres(app, "unlock-migrations")) return 2;
        RequireDatabase(app);
        var released = app.Services.GetRequiredService<SqliteDatabaseFile>().ReleaseMigrationLock();
        Console.WriteLine(released ? "Released the left-over migration lock; the portal can start again." : "There was no migration lock to release.");
        return 0;
    }

    private static void RequireDatabase(WebApplication app)
    {
        app.Services.GetRequiredService<DataFolder>().EnsureUsable(create: false);
        var file = app.Services.GetRequiredService<SqliteDatabaseFile>();
        if (!file.Exists) throw new StorageException($"There is no database at {file.Path}.");
    }
}
