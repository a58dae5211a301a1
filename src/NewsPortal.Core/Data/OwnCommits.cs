using System.Data.Common;
using System.Globalization;

namespace NewsPortal.Core.Data;

/// <summary>
/// The news commits this instance made itself on SQLite, and dropped its cached pages for at once. The change
/// listener reads the database's ContentChanges counter every 2 s and would drop the pages a second time for these,
/// after readers had cached them again. Writers take turns, so the value read in a transaction after its writes is the
/// one its commit leaves; when the listener then reads that value, every commit up to it (another process's included)
/// came before this instance's own drop. On PostgreSQL the notification of a commit arrives within a round trip, so
/// its second drop comes before readers have cached much, and nothing is recorded.
/// </summary>
public sealed class OwnCommits
{
    private long _last = -1;

    /// <summary>In the transaction, after its writes: the counter value its commit will leave.</summary>
    public static async ValueTask<long> CounterAsync(DbTransaction transaction, bool async, CancellationToken ct)
    {
        await using var read = transaction.Connection!.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = """SELECT "Count" FROM "ContentChanges" """;
        var value = async ? await read.ExecuteScalarAsync(ct) : read.ExecuteScalar();
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public void Committed(long counter)
    {
        // Two saves may finish out of order; the higher value is the later commit.
        var seen = Interlocked.Read(ref _last);
        while (counter > seen && Interlocked.CompareExchange(ref _last, counter, seen) != seen) seen = Interlocked.Read(ref _last);
    }

    /// <summary>Whether the counter the listener read was left by this instance's latest commit.</summary>
    public bool WasOwn(long counter) => counter == Interlocked.Read(ref _last);
}
