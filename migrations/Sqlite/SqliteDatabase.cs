using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Migrations.Sqlite;

/// <summary>Configures the SQLite provider with the migrations in this assembly.</summary>
public static class SqliteDatabase
{
    /// <param name="busyTimeoutSeconds">
    /// Microsoft.Data.Sqlite retries a locked database until the command timeout, which is therefore how long a write
    /// waits for SQLite's single write lock; it never interrupts a statement that is running.
    /// </param>
    /// <param name="compiledModel">
    /// The model generated in CompiledModel/ saves building it from NewsDbContext.OnModelCreating at every start (most of
    /// a second). Only `dotnet ef`, which must see the model as the code declares it, goes without.
    /// </param>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString, int busyTimeoutSeconds = 30,
        bool compiledModel = true)
    {
        if (compiledModel) options.UseModel(CompiledModel.NewsDbContextModel.Instance);
        return options.UseSqlite(connectionString, sqlite => sqlite
            .MigrationsAssembly(typeof(SqliteDatabase).Assembly)
            .CommandTimeout(busyTimeoutSeconds));
    }
}
