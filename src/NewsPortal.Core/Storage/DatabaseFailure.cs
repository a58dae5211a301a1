using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace NewsPortal.Core.Storage;

public enum DatabaseFailureKind
{
    /// <summary>Another writer held the lock past the busy timeout; the transaction was rolled back.</summary>
    Busy,
    /// <summary>The disk (or the database's size limit) is full; the transaction was rolled back.</summary>
    Full,
    /// <summary>The database cannot be opened or read at all.</summary>
    Unavailable,
}

/// <summary>Tells the database failures a reader or editor should hear about apart from bugs.</summary>
public static class DatabaseFailure
{
    // Primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte.
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteIoErr = 10, SqliteCorrupt = 11, SqliteFull = 13,
        SqliteCantOpen = 14, SqliteReadOnly = 8, SqliteNotADb = 26;

    public static DatabaseFailureKind? Classify(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException sqlite)
                return (sqlite.SqliteErrorCode & 0xFF) switch
                {
                    SqliteBusy or SqliteLocked => DatabaseFailureKind.Busy,
                    SqliteFull => DatabaseFailureKind.Full,
                    SqliteIoErr or SqliteCorrupt or SqliteCantOpen or SqliteReadOnly or SqliteNotADb => DatabaseFailureKind.Unavailable,
                    _ => null,
                };
            if (current is DbException other) return ClassifyBySqlState(other);
        }
        return null;
    }

    /// <summary>SQLSTATE codes as PostgreSQL reports them (https://www.postgresql.org/docs/current/errcodes-appendix.html).</summary>
    private static DatabaseFailureKind? ClassifyBySqlState(DbException exception) => exception.SqlState switch
    {
        // lock_not_available (lock_timeout), serialization_failure, deadlock_detected, query_canceled (statement_timeout)
        "55P03" or "40001" or "40P01" or "57014" => DatabaseFailureKind.Busy,
        // disk_full, insufficient_resources, out_of_memory
        "53100" or "53000" or "53200" => DatabaseFailureKind.Full,
        // connection failures, server shutting down or starting, unknown database, failed sign-in
        { } state when state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal)
            || state is "3D000" or "28P01" or "28000" => DatabaseFailureKind.Unavailable,
        // No SQLSTATE: the server was never reached (refused, timed out, connection dropped).
        null when exception.IsTransient || exception.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException
            => DatabaseFailureKind.Unavailable,
        _ => null,
    };
}
