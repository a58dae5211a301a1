using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.News;

/// <summary>
/// The item read on SQLite, through a statement prepared once per connection. Microsoft.Data.Sqlite prepares every new
/// command anew (dotnet/efcore#14044), and EF Core makes a new command for each query, opening and closing its pooled
/// connection around it (which registers and removes EF Core's SQL functions each time). On an uncached item page that
/// was 38% of the CPU, SQLite's prepare alone 13%. Here a few connections stay open, each with its prepared statement.
/// A statement reads in a transaction of its own, so every read sees the latest commit and no read holds back a
/// checkpoint. Connections are retired after a minute, so a database file replaced underneath the site is not read on.
/// </summary>
public sealed class SqlitePublicItemReader : IPublicItemReader, IDisposable
{
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(1);

    private const string Sql = """
        SELECT "Id", "Slug", "Title", "Summary", "BodyHtml", "PublishedOn", "Section", "Language", "Status", "PublishAtUtc",
               "Photo", "Links", "Tags", "SourceAddress", "ArchivedOn", "CreatedAtUtc", "UpdatedAtUtc", "DeletedAtUtc"
        FROM "NewsItems"
        WHERE "Slug" = $slug
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly ConcurrentBag<PreparedRead> _idle = [];
    // ConcurrentBag.Count takes every lock of the bag; this count is kept beside it instead.
    private int _idleCount;
    // Enough for every thread that can read at once; more would only keep file handles open.
    private readonly int _maxIdle = Environment.ProcessorCount * 2;
    private volatile bool _disposed;

    /// <param name="connectionString">The portal's SQLite connection string.</param>
    /// <param name="busyTimeoutSeconds">How long a read may wait on a locked database, as every other command does.</param>
    public SqlitePublicItemReader(string connectionString, TimeProvider clock, int busyTimeoutSeconds = 30)
    {
        // These connections live as long as this reader says, not as long as Microsoft.Data.Sqlite's pool does.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, DefaultTimeout = busyTimeoutSeconds }
            .ConnectionString;
        _clock = clock;
    }

    public Task<NewsItem?> FindAsync(NewsDbContext db, string slug, DateTime utcNow, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ct.ThrowIfCancellationRequested();
        var read = Take();
        NewsItem? item;
        try
        {
            item = read.Find(slug);
        }
        catch
        {
            // Whatever failed (a vanished file, a full disk) may have left the connection unusable.
            read.Dispose();
            throw;
        }
        Return(read);
        return Task.FromResult(item is not null && item.IsPublicAt(utcNow) ? item : null);
    }

    private PreparedRead Take()
    {
        var now = _clock.GetUtcNow();
        while (TryTakeIdle(out var read))
        {
            if (now - read.OpenedAt < ConnectionLifetime) return read;
            read.Dispose();
        }
        return new PreparedRead(_connectionString, now);
    }

    private void Return(PreparedRead read)
    {
        if (_disposed || Volatile.Read(ref _idleCount) >= _maxIdle)
        {
            read.Dispose();
            return;
        }
        Interlocked.Increment(ref _idleCount);
        _idle.Add(read);
        // Dispose may have emptied the bag between the check and the Add.
        if (_disposed) DisposeIdle();
    }

    public void Dispose()
    {
        _disposed = true;
        DisposeIdle();
    }

    private void DisposeIdle()
    {
        while (TryTakeIdle(out var read)) read.Dispose();
    }

    private bool TryTakeIdle([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PreparedRead? read)
    {
        if (!_idle.TryTake(out read)) return false;
        Interlocked.Decrement(ref _idleCount);
        return true;
    }

    /// <summary>One open connection with the item statement prepared on it; used by one request at a time.</summary>
    private sealed class PreparedRead : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _slug;

        public PreparedRead(string connectionString, DateTimeOffset now)
        {
            _connection = new SqliteConnection(connectionString);
            try
            {
                _connection.Open();
                _command = _connection.CreateCommand();
                _command.CommandText = Sql;
                _slug = _command.Parameters.Add("$slug", SqliteType.Text);
                _command.Prepare();
            }
            catch
            {
                _connection.Dispose();
                throw;
            }
            OpenedAt = now;
        }

        public DateTimeOffset OpenedAt { get; }

        public NewsItem? Find(string slug)
        {
            _slug.Value = slug;
            // Disposing the reader resets the statement, which ends its read transaction.
            using var row = _command.ExecuteReader(CommandBehavior.SingleRow);
            return row.Read() ? Map(row) : null;
        }

        /// <summary>The columns as EF Core maps them (the tests compare the two item by item).</summary>
        private static NewsItem Map(SqliteDataReader row) => new()
        {
            Id = row.GetInt32(0),
            Slug = row.GetString(1),
            Title = row.GetString(2),
            Summary = row.GetString(3),
            BodyHtml = row.GetString(4),
            PublishedOn = row.GetFieldValue<DateOnly>(5),
            Section = Enum.Parse<NewsSection>(row.GetString(6)),
            Language = row.GetString(7),
            Status = Enum.Parse<NewsStatus>(row.GetString(8)),
            PublishAtUtc = row.IsDBNull(9) ? null : Utc(row.GetDateTime(9)),
            Photo = row.IsDBNull(10) ? null : JsonValue.Read<NewsPhoto?>(row.GetString(10)),
            Links = row.IsDBNull(11) ? [] : JsonValue.Read<List<NewsLink>>(row.GetString(11)),
            Tags = JsonValue.Read<List<string>>(row.GetString(12)),
            SourceAddress = row.IsDBNull(13) ? null : row.GetString(13),
            ArchivedOn = row.IsDBNull(14) ? null : row.GetFieldValue<DateOnly>(14),
            CreatedAtUtc = Utc(row.GetDateTime(15)),
            UpdatedAtUtc = Utc(row.GetDateTime(16)),
            DeletedAtUtc = row.IsDBNull(17) ? null : Utc(row.GetDateTime(17)),
        };

        private static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
