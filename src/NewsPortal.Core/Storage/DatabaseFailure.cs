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
            if (current is not SqliteException sqlite) continue;
            return (sqlite.SqliteErrorCode & 0xFF) switch
            {
                SqliteBusy or SqliteLocked => DatabaseFailureKind.Busy,
                SqliteFull => DatabaseFailureKind.Full,
                SqliteIoErr or SqliteCorrupt or SqliteCantOpen or SqliteReadOnly or SqliteNotADb => DatabaseFailureKind.Unavailable,
                _ => null,
            };
        }
        return null;
    }
}
