using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Migrations.Postgres;
using NewsPortal.Migrations.Sqlite;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>
/// An original address stored before addresses were saved in one canonical form (here with escapes in small letters,
/// as an import could write it) still redirects once the portal has started on the upgraded database: the start
/// normalises stored addresses before it applies the SourceAddressesNormalized marker.
/// </summary>
public sealed class LegacyAddressUpgradeTests : IDisposable
{
    private readonly NewsPortalFactory _factory = new();

    private const string InsertItem = """
        INSERT INTO "NewsItems" ("Slug", "Title", "Summary", "Body", "BodyText", "BodyHtml", "PublishedOn", "Section", "Language",
                                 "Status", "Version", "CreatedAtUtc", "UpdatedAtUtc", "Tags", "SourceAddress")
        VALUES ('an-item-with-an-old-address', 'An item with an old address', 'A summary written for a test.', 'A body.',
                'A body.', '<p>A body.</p>', {0}, 'News', 'en', 'Published', {1}, {2}, {2}, @NoTags, {3})
        """;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_address_stored_with_small_letter_escapes_before_the_upgrade_answers_301()
    {
        await CreateOldDatabaseWithItemAsync("/commission_2010-2014/test-fixture/fake%c3%a5%41.htm");

        var response = await _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync("/commission_2010-2014/test-fixture/fake%C3%A5A.htm");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/news/an-item-with-an-old-address", response.Headers.Location!.OriginalString);
    }

    private async Task CreateOldDatabaseWithItemAsync(string sourceAddress)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        if (_factory.PostgresConnectionString is { } postgres) PostgresDatabase.Use(options, postgres, compiledModel: false);
        else
        {
            Directory.CreateDirectory(_factory.DataFolder);
            SqliteDatabase.Use(options, $"Data Source={_factory.DatabasePath}", compiledModel: false);
        }
        await using var db = new NewsDbContext(options.Options);
        var migrations = db.Database.GetMigrations().ToList();
        var marker = migrations.FindIndex(id => id.EndsWith("_SourceAddressesNormalized", StringComparison.Ordinal));
        await db.Database.MigrateAsync(migrations[marker - 1]);
        // An empty tag list as each provider stores it: JSON text on SQLite, text[] on PostgreSQL (braces doubled for the
        // placeholders).
        var insert = InsertItem.Replace("@NoTags", _factory.PostgresConnectionString is null ? "'[]'" : "'{{}}'");
        await db.Database.ExecuteSqlRawAsync(insert, new DateOnly(2012, 5, 3), Guid.NewGuid(), DateTime.UtcNow, sourceAddress);
        if (_factory.PostgresConnectionString is null) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
