using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Migrations.Sqlite;

/// <summary>Configures the SQLite provider with the migrations in this assembly.</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly));
}
