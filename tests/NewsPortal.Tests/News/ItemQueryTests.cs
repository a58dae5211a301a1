using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;
using NewsPortal.Migrations.Sqlite;

namespace NewsPortal.Tests.News;

public sealed class ItemQueryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsportal-item-query-").FullName;

    [Fact]
    public async Task The_item_page_query_serves_databases_of_different_models_in_one_process()
    {
        // The item query is compiled once, and a compiled query serves one model. Bound to the first model it met, it
        // failed for every other: in CI a SQLite portal and PostgreSQL portals shared the test process, and item pages
        // on PostgreSQL answered 500. Here the second model is the one built from OnModelCreating.
        var connection = $"Data Source={Path.Combine(_folder, "news.db")};Pooling=False";
        await using (var setup = Context(connection, compiledModel: true))
        {
            await setup.Database.MigrateAsync();
            setup.NewsItems.Add(new NewsItem { Slug = "one-model-or-another", Title = "One model or another", BodyHtml = "<p>Body</p>",
                Status = NewsStatus.Published, PublishedOn = new DateOnly(2012, 5, 3), CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow });
            await setup.SaveChangesAsync();
        }

        foreach (var compiledModel in new[] { true, false, true })
        {
            await using var db = Context(connection, compiledModel);
            using var cache = new MemoryCache(new MemoryCacheOptions());
            var item = await new NewsQueries(db, TimeProvider.System, cache, new ContentVersion()).BySlugAsync("one-model-or-another");

            Assert.Equal("One model or another", item?.Title);
            Assert.Equal("<p>Body</p>", item?.BodyHtml);
        }
    }

    private static NewsDbContext Context(string connection, bool compiledModel)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        SqliteDatabase.Use(options, connection, compiledModel: compiledModel);
        return new NewsDbContext(options.Options);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
