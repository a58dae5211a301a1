using Microsoft.EntityFrameworkCore;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>
/// An item saved before search read plain text (its Markdown in the index) shows a plain extract once the portal has
/// started on the upgraded database: the start renders every body again before it applies the StoredBodiesRendered
/// marker, also when an earlier start was stopped during that re-render.
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

    // After PlainTextBodies, before its re-render finished: BodyText still holds the Markdown, as the migration left it.
    private const string InsertItemWithMarkdownText = """
        INSERT INTO "NewsItems" ("Slug", "Title", "Summary", "Body", "BodyText", "BodyHtml", "PublishedOn", "Section", "Language",
                                 "Status", "Version", "CreatedAtUtc", "UpdatedAtUtc", "Tags")
        VALUES ('an-item-from-a-stopped-upgrade', 'An item from a stopped upgrade', 'A summary written for a test.', {0}, {0},
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

    [Fact]
    public async Task An_upgrade_stopped_during_the_re_render_is_finished_by_the_next_start()
    {
        var word = "stoppedupgrade" + Guid.NewGuid().ToString("N")[..6];
        await CreateOldDatabaseWithItemAsync($"Before the **stop**: the fictional word {word}.", migratedUntilTheMarker: true);

        var (_, page) = await _factory.CreateClient().GetPageAsync("/search?q=" + word);

        Assert.Contains($"Before the stop: the fictional word {word}", page.QuerySelector(".search-results .snippet")!.Text());
    }

    /// <param name="migratedUntilTheMarker">
    /// Every migration but the StoredBodiesRendered marker applied, as a start stopped during the re-render leaves it;
    /// else the database as it was before PlainTextBodies.
    /// </param>
    private async Task CreateOldDatabaseWithItemAsync(string markdown, bool migratedUntilTheMarker = false)
    {
        await using var db = OldDatabase.Open(_factory);
        if (migratedUntilTheMarker) await OldDatabase.MigrateUntilAsync(db, "StoredBodiesRendered");
        else await db.Database.MigrateAsync(LastMigrationBeforePlainText);
        var insert = (migratedUntilTheMarker ? InsertItemWithMarkdownText : InsertItem).Replace("@NoTags", OldDatabase.NoTags(_factory));
        await db.Database.ExecuteSqlRawAsync(insert, markdown, new DateOnly(2013, 2, 3), Guid.NewGuid(), DateTime.UtcNow);
        OldDatabase.Release(_factory);
    }
}
