using Npgsql;
using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Migrations.Postgres;

/// <summary>Configures the PostgreSQL provider with the migrations in this assembly.</summary>
public static class PostgresDatabase
{
    /// <param name="lockTimeoutSeconds">
    /// How long a write waits for a row another instance is writing before the editor hears "busy, nothing saved".
    /// </param>
    /// <param name="compiledModel">
    /// The model generated in CompiledModel/ saves building it from NewsDbContext.OnModelCreating at every start. Only
    /// `dotnet ef`, which must see the model as the code declares it, goes without.
    /// </param>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString, int lockTimeoutSeconds = 30,
        bool compiledModel = true)
    {
        if (compiledModel) options.UseModel(CompiledModel.NewsDbContextModel.Instance);
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        // A lock wait past this ends the statement with 55P03, which the portal answers as "busy, nothing saved".
        connection.Options = $"-c lock_timeout={lockTimeoutSeconds * 1000} {connection.Options}".Trim();
        return options.UseNpgsql(connection.ConnectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly));
    }

    // Any fixed number; all NewsPortal instances on one database agree on it.
    private const long StartupLockKey = 0x4E657773506F7274; // "NewsPort"

    /// <summary>
    /// Runs the start-up work (migrations, first administrator, seed pages) while holding a session-level advisory lock,
    /// so when several instances start at once one does it and the others wait, then find nothing left to do. EF Core's
    /// own migration lock on PostgreSQL is scoped to a migration transaction, and instances starting together were seen
    /// applying the same migration twice; seeding needs the same protection. The server releases an advisory lock when
    /// its session ends, so a killed instance never leaves it behind.
    /// </summary>
    public static async Task RunExclusivelyAsync(string connectionString, Func<Task> work, CancellationToken ct = default)
    {
        await using var lockSession = new NpgsqlConnection(connectionString);
        await lockSession.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", lockSession))
        {
            take.CommandTimeout = 0; // wait as long as the other instance needs
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            await work();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", lockSession);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
