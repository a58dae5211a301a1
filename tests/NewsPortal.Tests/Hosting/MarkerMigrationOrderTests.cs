using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Links;
using NewsPortal.Core.News;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Hosting;

/// <summary>
/// A re-render marker migration that is pending while a later migration is already applied (a marker merged with an
/// older timestamp than one a deployment has run): the start applies it and re-renders without taking the later
/// migration back, so nothing that migration made is lost. The start's logic is the same on both databases; a restart
/// on the same data is simplest on SQLite.
/// </summary>
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class MarkerMigrationOrderTests : IDisposable
{
    private readonly NewsPortalFactory _factory = new() { KeepDataFolder = true };

    public void Dispose()
    {
        _factory.Dispose();
        if (Directory.Exists(_factory.DataFolder)) Directory.Delete(_factory.DataFolder, recursive: true);
    }

    [Fact]
    public async Task A_pending_marker_older_than_an_applied_migration_keeps_that_migrations_data()
    {
        var marker = StoredBodyRefresh.Markers.Select(MigrationNamed).Min(StringComparer.Ordinal)!;
        await _factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NewsDbContext>();
            db.LinkChecks.Add(new LinkCheck { Url = "http://127.0.0.1/kept", State = LinkState.Broken, Detail = "404 Not Found", CheckedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            // As if the marker had come with a later merge: LinkChecks (after it) applied, the marker not yet.
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {marker}"""));
        });
        await _factory.DisposeAsync();

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var restarted = NewsPortalFactory.StartingOn(_factory.DataFolder);
        restarted.CreateClient();

        await restarted.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NewsDbContext>();
            Assert.Contains(marker, await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(["http://127.0.0.1/kept"], await db.LinkChecks.Select(c => c.Url).ToListAsync());
        });

        string MigrationNamed(string name)
        {
            using var scope = _factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<NewsDbContext>().Database.GetMigrations().Single(id => id.EndsWith("_" + name, StringComparison.Ordinal));
        }
    }
}
