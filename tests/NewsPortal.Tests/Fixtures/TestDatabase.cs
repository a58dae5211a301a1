using Npgsql;

namespace NewsPortal.Tests.Fixtures;

/// <summary>
/// Which database the integration tests run on. SQLite by default; with NEWSPORTAL_TEST_PROVIDER=Postgres, every
/// factory gets its own fresh database on the server named by NEWSPORTAL_TEST_POSTGRES (an account that may create
/// databases), dropped when the factory is disposed. .ci/run runs the suite both ways.
/// </summary>
public static class TestDatabase
{
    public const string ServerVariable = "NEWSPORTAL_TEST_POSTGRES";
    public const string ProviderVariable = "NEWSPORTAL_TEST_PROVIDER";

    /// <summary>Tests that only make sense on SQLite (they touch the file) carry this trait; the PostgreSQL run leaves them out.</summary>
    public const string SqliteOnly = "SqliteOnly";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates an empty database and returns the connection string for it.</summary>
    public static string CreatePostgresDatabase()
    {
        var server = PostgresServer ?? throw new InvalidOperationException(
            $"{ProviderVariable}=Postgres needs {ServerVariable}, e.g. Host=127.0.0.1;Username=newsportal;Password=…");
        var name = $"newsportal_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        // FORCE may not end a server process the test role does not own (an autovacuum worker that has just started on
        // the database: 42501); those end by themselves within moments, so try again a few times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 5)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }
}

/// <summary>
/// A test that needs a PostgreSQL server. Without NEWSPORTAL_TEST_POSTGRES it is skipped on a developer's machine,
/// and fails under CI (CI=true), where .ci/run always starts one.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"Needs a PostgreSQL server: set {TestDatabase.ServerVariable} (.ci/run does).";
    }
}
