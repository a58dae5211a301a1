using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Seeding;
using NewsPortal.Hosting;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Hosting;

public sealed class DatabaseSetupTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task The_sqlite_migrations_match_the_model()
    {
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NewsDbContext>();
            Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project migrations/Sqlite");
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        });
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await factory.WithScopeAsync(async services =>
        {
            var added = await services.GetRequiredService<ArchiveSeeder>().SeedAsync(Path.Combine(RepositoryFiles.Root, "seed"));
            var count = await services.GetRequiredService<NewsDbContext>().NewsItems
                .CountAsync(i => i.SourceFileName == "archived-page-2012-05-03-cybercrime.txt");

            Assert.Equal(0, added);
            Assert.Equal(1, count);
        });
    }

    [Fact]
    public async Task The_seeded_item_keeps_its_provenance()
    {
        var item = await factory.WithScopeAsync(services =>
            services.GetRequiredService<NewsDbContext>().NewsItems.SingleAsync(i => i.SourceFileName == "archived-page-2012-05-03-cybercrime.txt"));

        Assert.Equal("/commission_2010-2014/malmstrom/news/archives/2012/05/20120503_en.htm", item.SourceAddress);
        Assert.Equal(new DateOnly(2014, 11, 18), item.ArchivedOn);
        Assert.Matches("^[0-9a-f]{64}$", item.SourceSha256);
    }

    [Fact]
    public void A_relative_database_path_is_anchored_to_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), $"newsportal-root-{Guid.NewGuid():N}");
        try
        {
            var connectionString = NewsStorageRegistration.SqliteConnectionString("Data Source=data/app.db", root);

            Assert.Contains(Path.Combine(root, "data", "app.db"), connectionString);
            Assert.True(Directory.Exists(Path.Combine(root, "data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_missing_connection_string_is_named_in_the_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NewsStorageRegistration.SqliteConnectionString(null, "/"));

        Assert.Contains("ConnectionStrings__NewsPortal", error.Message);
    }
}
