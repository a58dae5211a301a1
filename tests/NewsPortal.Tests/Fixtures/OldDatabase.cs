using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Migrations.Postgres;
using NewsPortal.Migrations.Sqlite;

namespace NewsPortal.Tests.Fixtures;

/// <summary>
/// A factory's database as an older version left it, before the portal starts on it: migrated only so far, and written
/// with plain SQL (the current model may have columns the old schema lacks).
/// </summary>
public static class OldDatabase
{
    /// <summary>A context on the factory's database, without the compiled model (which describes the newest schema).</summary>
    public static NewsDbContext Open(NewsPortalFactory factory)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        if (factory.PostgresConnectionString is { } postgres) PostgresDatabase.Use(options, postgres, compiledModel: false);
        else
        {
            Directory.CreateDirectory(factory.DataFolder);
            SqliteDatabase.Use(options, $"Data Source={factory.DatabasePath}", compiledModel: false);
        }
        return new NewsDbContext(options.Options);
    }

    /// <summary>Applies every migration before the one named (its name without the timestamp).</summary>
    public static Task MigrateUntilAsync(NewsDbContext db, string migrationName)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(id => id.EndsWith("_" + migrationName, StringComparison.Ordinal));
        return db.Database.MigrateAsync(migrations[index - 1]);
    }

    /// <summary>An empty tag list as each provider stores it: JSON text on SQLite, text[] on PostgreSQL (braces doubled for SQL placeholders).</summary>
    public static string NoTags(NewsPortalFactory factory) => factory.PostgresConnectionString is null ? "'[]'" : "'{{}}'";

    /// <summary>Lets go of the file, so the portal opens it afresh.</summary>
    public static void Release(NewsPortalFactory factory)
    {
        if (factory.PostgresConnectionString is null) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
