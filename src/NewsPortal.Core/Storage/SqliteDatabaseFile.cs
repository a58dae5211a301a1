using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsPortal.Core.Storage;

/// <summary>
/// Operations on the SQLite file itself that EF Core does not cover: creating it once, refusing a stale migration
/// lock, checkpointing the write-ahead log and checking integrity.
/// </summary>
public sealed class SqliteDatabaseFile
{
    private const string MigrationLockTable = "__EFMigrationsLock";

    /// <param name="connectionString">The portal's connection string, with an absolute Data Source.</param>
    public SqliteDatabaseFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        Path = builder.DataSource;
        // After start the portal opens the file read-write but never creates it: a database that vanished while the
        // site runs must be an error, not a silently recreated empty site.
        builder.Mode = SqliteOpenMode.ReadWrite;
        ConnectionString = builder.ConnectionString;
    }

    public string Path { get; }

    /// <summary>The connection string the portal uses once the file exists.</summary>
    public string ConnectionString { get; }

    public bool Exists => File.Exists(Path);

    /// <summary>Creates an empty database in WAL mode if there is none; returns whether it did.</summary>
    public bool CreateIfMissing()
    {
        if (Exists) return false;
        var create = new SqliteConnectionStringBuilder(ConnectionString) { Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var connection = new SqliteConnection(create.ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL");
        return true;
    }

    /// <summary>
    /// WAL lets readers go on while an editor writes. The mode is stored in the file; setting it again is a no-op,
    /// and it also converts a database that another tool created in rollback-journal mode.
    /// </summary>
    public (string JournalMode, int Synchronous) EnsureWriteAheadLog()
    {
        using var connection = Open();
        var mode = Convert.ToString(Scalar(connection, "PRAGMA journal_mode=WAL"), CultureInfo.InvariantCulture)!;
        var synchronous = Convert.ToInt32(Scalar(connection, "PRAGMA synchronous"), CultureInfo.InvariantCulture);
        return (mode, synchronous);
    }

    /// <summary>
    /// EF Core marks a running migration with a row in __EFMigrationsLock and has no staleness check on SQLite: a start
    /// killed mid-migration leaves the row and every later start would wait forever. One portal per SQLite file is
    /// enforced, so a row seen at start is left over; fail at once with the way out instead of hanging.
    /// </summary>
    public void RefuseStaleMigrationLock()
    {
        using var connection = Open();
        if (!TableExists(connection, MigrationLockTable)) return;
        var since = Scalar(connection, $"SELECT Timestamp FROM \"{MigrationLockTable}\" LIMIT 1");
        if (since is null or DBNull) return;
        throw new StorageException($"The database {Path} carries a migration lock taken at {since} that was never released: " +
            "a start was stopped while it updated the database. The update itself was rolled back. If no other NewsPortal process " +
            "is starting on this database, release the lock with the portal's `unlock-migrations` command " +
            "(in the container: `docker compose run --rm portal unlock-migrations`; from the sources: " +
            "`dotnet run --project src/NewsPortal -- unlock-migrations`) and start again.");
    }

    /// <summary>Removes a left-over migration lock; returns whether there was one.</summary>
    public bool ReleaseMigrationLock()
    {
        using var connection = Open();
        if (!TableExists(connection, MigrationLockTable)) return false;
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM \"{MigrationLockTable}\"";
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>
    /// Copies the write-ahead log into the database and truncates it. SQLite's automatic checkpoint cannot reset the
    /// log while a reader is always active, so without this the -wal file of a busy site grows without bound.
    /// </summary>
    public async Task<CheckpointResult> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CheckpointResult(Blocked: reader.GetInt32(0) != 0, LogPages: reader.GetInt32(1), CheckpointedPages: reader.GetInt32(2));
    }

    public long WriteAheadLogBytes => File.Exists(Path + "-wal") ? new FileInfo(Path + "-wal").Length : 0;

    /// <summary>SQLite's own consistency check of a database file; "ok" when sound.</summary>
    public static string IntegrityCheck(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(0));
        return string.Join(Environment.NewLine, lines);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private static bool TableExists(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

public readonly record struct CheckpointResult(bool Blocked, int LogPages, int CheckpointedPages);
