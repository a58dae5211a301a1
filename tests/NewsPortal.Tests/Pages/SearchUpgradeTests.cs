using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Migrations.Postgres;
using NewsPortal.Migrations.Sqlite;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>
/// An item saved before search read plain text (its Markdown in the index) shows a plain extract once the portal has
/// started on the upgraded database: the start that applies the migration renders every body again.
/// </summary>
public sealed class SearchUpgradeTests : IDisposable
{
    private const string LastMigrationBeforePlainText = "FormerSlugs";
    private readonly NewsPortalFactory _factory = new();

    private const string InsertItem = """
        INSERT INTO "NewsItems" ("Slug", "Title", "Summary", "Body", "BodyHtml", "PublishedOn", "Section", "Language", "Status",
                                 "Version", "CreatedAtUtc", "UpdatedAtUtc", "Tags")
        VALUES ('an-item-from-before-the-upgrade', 'An item from before the upgrade', 'A summary written for a test.', {0},
                '<p>stale</p>', {1}, 'News', 'en', 'Published', {2}, {3}, {3}, @NoTags)
        """;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_item_indexed_as_markdown_before_the_upgrade_gets_a_plain_text_extract()
    {
        var word = "upgradeextract" + Guid.NewGuid().ToString("N")[..6];
        await CreateOldDatabaseWithItemAsync($"Before the **upgrade**: the fictional word {word} in [a fake link](https://fake.example/x).");

        var (_, page) = await _factory.CreateClient().GetPageAsync("/search?q=" + word);

        var snippet = page.QuerySelector(".search-results .snippet")!.Text();
        Assert.Contains($"Before the upgrade: the fictional word {word} in a fake link", snippet);
    }

    private async Task CreateOldDatabaseWithItemAsync(string markdown)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        if (_factory.PostgresConnectionString is { } postgres) PostgresDatabase.Use(options, postgres, compiledModel: false);
        else
        {
            Directory.CreateDirectory(_factory.DataFolder);
            SqliteDatabase.Use(options, $"Data Source={_factory.DatabasePath}", compiledModel: false);
        }
        await using var db = new NewsDbContext(options.Options);
        await db.Database.MigrateAsync(LastMigrationBeforePlainText);
        // An empty tag list as each provider stores it: JSON text on SQLite, text[] on PostgreSQL (braces doubled for the
        // placeholders).
        var insert = InsertItem.Replace("@NoTags", _factory.PostgresConnectionString is null ? "'[]'" : "'{{}}'");
        await db.Database.ExecuteSqlRawAsync(insert, markdown, new DateOnly(2013, 2, 3), Guid.NewGuid(), DateTime.UtcNow);
        if (_factory.PostgresConnectionString is null) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
