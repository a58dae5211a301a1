using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Migrations.Sqlite;

/// <summary>Configures the SQLite provider with the migrations in this assembly.</summary>
public static class SqliteDatabase
{
    /// <param name="busyTimeoutSeconds">
    /// Microsoft.Data.Sqlite retries a locked database until the command timeout, which is therefore how long a write
    /// waits for SQLite's single write lock; it never interrupts a statement that is running.
    /// </param>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString, int busyTimeoutSeconds = 30) =>
        options.UseSqlite(connectionString, sqlite => sqlite
            .MigrationsAssembly(typeof(SqliteDatabase).Assembly)
            .CommandTimeout(busyTimeoutSeconds));
}
