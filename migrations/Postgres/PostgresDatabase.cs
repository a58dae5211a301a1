using Npgsql;
using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Migrations.Postgres;

/// <summary>Configures the PostgreSQL provider with the migrations in this assembly.</summary>
public static class PostgresDatabase
{
    /// <param name="lockTimeoutSeconds">
    /// How long a write waits for a row another instance is writing before the editor hears "busy, nothing saved".
    /// </param>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString, int lockTimeoutSeconds = 30)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        // A lock wait past this ends the statement with 55P03, which the portal answers as "busy, nothing saved".
        connection.Options = $"-c lock_timeout={lockTimeoutSeconds * 1000} {connection.Options}".Trim();
        return options.UseNpgsql(connection.ConnectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly));
    }
}
