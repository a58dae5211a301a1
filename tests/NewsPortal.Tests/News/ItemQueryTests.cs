using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;
using NewsPortal.Migrations.Sqlite;

namespace NewsPortal.Tests.News;

/// <summary>The item page's read: EF Core's compiled query (PostgreSQL) and SQLite's prepared statements.</summary>
public sealed class ItemQueryTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _folder = Directory.CreateTempSubdirectory("newsportal-item-query-").FullName;
    private string DatabasePath => Path.Combine(_folder, "news.db");
    private string Connection => $"Data Source={DatabasePath};Pooling=False";

    [Fact]
    public async Task Each_sites_compiled_reader_serves_its_own_model()
    {
        // A compiled query binds to the first model it meets. Shared between sites, it failed for every other: in CI a
        // SQLite portal and PostgreSQL portals shared the test process, and item pages on PostgreSQL answered 500. Here
        // the second model is the one built from OnModelCreating.
        await CreateDatabaseAsync(Item("one-model-or-another"));

        foreach (var compiledModel in new[] { true, false, true })
        {
            await using var db = Context(compiledModel);
            var item = await new CompiledPublicItemReader().FindAsync(db, "one-model-or-another", Now);

            Assert.Equal("One model or another", item?.Title);
        }
    }

    [Fact]
    public async Task The_SQLite_reader_reads_an_item_exactly_as_EF_Core_does()
    {
        var full = Item("everything-an-item-has");
        full.Summary = "A summary";
        full.Language = "de";
        full.Section = NewsSection.Speech;
        full.Status = NewsStatus.Scheduled;
        full.PublishAtUtc = Now.AddDays(-1);
        full.Photo = new NewsPhoto { FileName = "photo.jpg", AltText = "Alt", Caption = "Caption", Credit = "© Credit" };
        full.Links = [new NewsLink { Kind = NewsLinkKind.Speech, Text = "Read the full speech", Url = "http://example.org/speech" },
            new NewsLink { Kind = NewsLinkKind.Video, Text = "watch a video", Url = null }];
        full.Tags = ["schengen", "visas"];
        full.SourceAddress = "/news/archives/2012/05/20120503_01_en.htm";
        full.ArchivedOn = new DateOnly(2014, 11, 18);
        var bare = Item("nothing-but-the-required");
        bare.Links = [];
        await CreateDatabaseAsync(full, bare);
        using var sqlite = new SqlitePublicItemReader(Connection, TimeProvider.System);
        await using var db = Context(compiledModel: true);

        foreach (var slug in new[] { full.Slug, bare.Slug })
        {
            var expected = await new CompiledPublicItemReader().FindAsync(db, slug, Now);
            var actual = await sqlite.FindAsync(db, slug, Now);

            Assert.NotNull(expected);
            Assert.Equal(Readable(expected), Readable(actual));
        }
    }

    [Fact]
    public async Task Both_readers_show_only_what_is_public_now()
    {
        var draft = Item("a-draft");
        draft.Status = NewsStatus.Draft;
        var deleted = Item("a-deleted-item");
        deleted.DeletedAtUtc = Now.AddDays(-1);
        var notYet = Item("scheduled-for-tomorrow");
        (notYet.Status, notYet.PublishAtUtc) = (NewsStatus.Scheduled, Now.AddDays(1));
        var due = Item("scheduled-an-hour-ago");
        (due.Status, due.PublishAtUtc) = (NewsStatus.Scheduled, Now.AddHours(-1));
        await CreateDatabaseAsync(draft, deleted, notYet, due, Item("published"));
        using var sqlite = new SqlitePublicItemReader(Connection, TimeProvider.System);
        await using var db = Context(compiledModel: true);

        foreach (IPublicItemReader reader in new IPublicItemReader[] { new CompiledPublicItemReader(), sqlite })
        {
            Assert.Null(await reader.FindAsync(db, "a-draft", Now));
            Assert.Null(await reader.FindAsync(db, "a-deleted-item", Now));
            Assert.Null(await reader.FindAsync(db, "scheduled-for-tomorrow", Now));
            Assert.Null(await reader.FindAsync(db, "no-such-item", Now));
            Assert.NotNull(await reader.FindAsync(db, "scheduled-an-hour-ago", Now));
            Assert.NotNull(await reader.FindAsync(db, "published", Now));
            Assert.NotNull(await reader.FindAsync(db, "scheduled-for-tomorrow", Now.AddDays(2)));
        }
    }

    [Fact]
    public async Task The_SQLite_reader_sees_each_save_at_once_and_holds_back_no_checkpoint()
    {
        await CreateDatabaseAsync(Item("edited-later"));
        using var sqlite = new SqlitePublicItemReader(Connection, TimeProvider.System);
        await using var db = Context(compiledModel: true);
        Assert.Equal("Edited later", (await sqlite.FindAsync(db, "edited-later", Now))?.Title);

        var item = await db.NewsItems.SingleAsync(i => i.Slug == "edited-later");
        item.Title = "Edited at last";
        await db.SaveChangesAsync();
        var afterSave = await sqlite.FindAsync(db, "edited-later", Now);

        // The reader's connection stays open with its statement; a read transaction left open would stop the
        // checkpoint from emptying the write-ahead log, which would then grow without end.
        await using var checkpoint = new SqliteConnection(Connection);
        await checkpoint.OpenAsync();
        await using var command = checkpoint.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var result = await command.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.Equal("Edited at last", afterSave?.Title);
        Assert.Equal(0, result.GetInt32(0));
        Assert.Equal(0, new FileInfo(DatabasePath + "-wal").Length);
    }

    [Fact]
    public async Task The_SQLite_reader_reads_a_database_file_put_in_place_of_its_own_within_a_minute()
    {
        await CreateDatabaseAsync(Item("the-same-slug"));
        var clock = new ManualClock(Now);
        using var sqlite = new SqlitePublicItemReader(Connection, clock);
        await using (var db = Context(compiledModel: true))
            Assert.Equal("The same slug", (await sqlite.FindAsync(db, "the-same-slug", Now))?.Title);

        File.Move(DatabasePath, Path.Combine(_folder, "old.db"));
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(DatabasePath + suffix);
        var replacement = Item("the-same-slug");
        replacement.Title = "From the new file";
        await CreateDatabaseAsync(replacement);
        clock.Advance(TimeSpan.FromMinutes(2));

        await using var again = Context(compiledModel: true);
        Assert.Equal("From the new file", (await sqlite.FindAsync(again, "the-same-slug", Now))?.Title);
    }

    /// <summary>Every property as JSON, but the concurrency token, which neither reads and a new NewsItem makes up.</summary>
    private static string Readable(NewsItem? item)
    {
        var json = JsonSerializer.SerializeToNode(item)!.AsObject();
        json.Remove(nameof(NewsItem.Version));
        return json.ToJsonString();
    }

    private static NewsItem Item(string slug) => new()
    {
        Slug = slug,
        Title = char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' '),
        Body = "Body",
        BodyHtml = "<p>Body</p>",
        Status = NewsStatus.Published,
        PublishedOn = new DateOnly(2012, 5, 3),
        CreatedAtUtc = Now.AddDays(-10),
        UpdatedAtUtc = Now.AddDays(-2),
    };

    private async Task CreateDatabaseAsync(params NewsItem[] items)
    {
        await using var setup = Context(compiledModel: true);
        await setup.Database.MigrateAsync();
        setup.NewsItems.AddRange(items);
        await setup.SaveChangesAsync();
    }

    private NewsDbContext Context(bool compiledModel)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        SqliteDatabase.Use(options, Connection, compiledModel: compiledModel);
        return new NewsDbContext(options.Options);
    }

    private sealed class ManualClock(DateTime start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
