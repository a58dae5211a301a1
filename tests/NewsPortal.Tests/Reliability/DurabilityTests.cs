using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Storage;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Reliability;

/// <summary>REL-08, REL-11: commits are durable, and the write-ahead log cannot grow without bound.</summary>
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class DurabilityTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task REL_11_the_portal_writes_through_a_write_ahead_log_with_full_sync_on_every_commit()
    {
        var (journal, synchronous) = await factory.WithScopeAsync(async services =>
        {
            var connection = services.GetRequiredService<NewsDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var mode = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            return (mode, Convert.ToInt32(await command.ExecuteScalarAsync()));
        });

        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // FULL: a commit is on disk before it is reported, even across a power loss
    }

    [Fact]
    public async Task REL_08_a_reader_that_never_stops_holds_the_log_only_until_the_next_checkpoint_after_it()
    {
        var file = factory.Services.GetRequiredService<SqliteDatabaseFile>();
        await using var reader = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await reader.OpenAsync();
        await using (var begin = reader.CreateCommand())
        {
            begin.CommandText = "BEGIN; SELECT count(*) FROM NewsItems;";
            await begin.ExecuteScalarAsync();
        }

        await WriteManyAuditEventsAsync();
        var grown = file.WriteAheadLogBytes;
        var whileReading = await file.CheckpointAsync();
        await using (var end = reader.CreateCommand())
        {
            end.CommandText = "COMMIT";
            await end.ExecuteNonQueryAsync();
        }
        var afterwards = await file.CheckpointAsync();

        Assert.True(grown > 256 * 1024, $"The log grew to {grown} bytes only.");
        Assert.True(whileReading.Blocked);
        Assert.False(afterwards.Blocked);
        Assert.Equal(0, file.WriteAheadLogBytes);
    }

    private Task WriteManyAuditEventsAsync() => factory.WithScopeAsync(async services =>
    {
        var audit = services.GetRequiredService<NewsPortal.Core.Auditing.AuditLog>();
        for (var i = 0; i < 300; i++)
            await audit.WriteAsync(NewsPortal.Core.Auditing.AuditEventKind.SignInFailed, "checkpoint test", new string('w', 900));
    });
}
