using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
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
        await using var db = OldDatabase.Open(_factory);
        await OldDatabase.MigrateUntilAsync(db, "SourceAddressesNormalized");
        var insert = InsertItem.Replace("@NoTags", OldDatabase.NoTags(_factory));
        await db.Database.ExecuteSqlRawAsync(insert, new DateOnly(2012, 5, 3), Guid.NewGuid(), DateTime.UtcNow, sourceAddress);
        OldDatabase.Release(_factory);
    }
}
