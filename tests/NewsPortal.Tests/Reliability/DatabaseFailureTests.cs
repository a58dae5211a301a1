using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Storage;
using NewsPortal.Tests.Fixtures;
using NewsPortal.Tests.Importing;

namespace NewsPortal.Tests.Reliability;

/// <summary>
/// REL-07, REL-09, REL-22: when the database is locked, full or gone, readers and editors get a plain page that says
/// what happened and that nothing was saved; nothing half-written stays behind, and the site recovers by itself.
/// </summary>
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class DatabaseFailureTests : IDisposable
{
    private readonly NewsPortalFactory _factory = new();
    private readonly PageLimit _pageLimit = new();

    public DatabaseFailureTests()
    {
        _factory.Settings["Storage:BusyTimeoutSeconds"] = "1";
        _factory.TestServices = services => services.ConfigureDbContext<NewsDbContext>(options => options.AddInterceptors(_pageLimit));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task REL_07_while_another_process_holds_the_write_lock_reads_work_and_a_save_says_busy_and_saves_nothing()
    {
        var editor = await EditorSession.SignInAsync(_factory);
        var (id, values) = await SeededItemFormAsync(editor);
        values["Summary"] = "Saved while the database was locked.";

        HttpResponseMessage blocked, reading;
        // Not pooled: like another process, closing it ends its transaction.
        await using (var other = new SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();

            reading = await _factory.CreateClient().GetAsync("/news");
            blocked = await editor.PostAsync($"/admin/items/{id}/edit", values);
        }
        var page = await Html.ParseAsync(await blocked.Content.ReadAsStringAsync());
        var saved = await editor.PostAsync($"/admin/items/{id}/edit", values);

        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, blocked.StatusCode);
        Assert.NotNull(blocked.Headers.RetryAfter);
        Assert.Equal("The database is busy", page.QuerySelector("main h1")!.Text());
        Assert.Contains("Nothing was saved.", page.QuerySelector("main")!.Text());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task REL_09_an_import_that_fills_the_disk_is_refused_whole_and_the_database_stays_sound()
    {
        var before = await ImportHarness.ContentStateAsync(_factory);
        var items = string.Join(",", Enumerable.Range(1, 400).Select(n => ImportHarness.JsonItem($"Fills the disk {n}", extra: $", \"summary\": \"{new string('x', 900)}\"")));
        var file = ImportHarness.File("large.json", $"[{items}]");

        // SQLite answers SQLITE_FULL exactly as for a full disk when the file may not grow past max_page_count.
        _pageLimit.HeadroomPages = 20;
        var refused = await ImportHarness.RunAsync(_factory, dryRun: false, file);
        var afterRefusal = await ImportHarness.ContentStateAsync(_factory);
        var integrity = SqliteDatabaseFile.IntegrityCheck(_factory.DatabasePath);
        _pageLimit.HeadroomPages = null;
        var applied = await ImportHarness.RunAsync(_factory, dryRun: false, file);

        Assert.False(refused.Applied);
        Assert.Contains("The server's storage is full: nothing was imported.", refused.ErrorMessages.Single());
        Assert.Equal(before, afterRefusal);
        Assert.Equal("ok", integrity);
        Assert.True(applied.Applied, string.Join(" ", applied.ErrorMessages));
        Assert.Equal(400, applied.Created);
    }

    [Fact]
    public async Task REL_09_a_save_on_a_full_disk_says_so_and_saves_nothing()
    {
        var editor = await EditorSession.SignInAsync(_factory);
        var (id, values) = await SeededItemFormAsync(editor);
        values["Body"] = new string('y', 200_000);

        _pageLimit.HeadroomPages = 0;
        var full = await editor.PostAsync($"/admin/items/{id}/edit", values);
        _pageLimit.HeadroomPages = null;
        var page = await Html.ParseAsync(await full.Content.ReadAsStringAsync());
        var body = await _factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.Where(i => i.Id == id).Select(i => i.Body).SingleAsync());

        Assert.Equal(HttpStatusCode.InsufficientStorage, full.StatusCode);
        Assert.Equal("The server's storage is full", page.QuerySelector("main h1")!.Text());
        Assert.Contains("Nothing was saved.", page.QuerySelector("main")!.Text());
        Assert.NotEqual(values["Body"], body);
    }

    [Fact]
    public async Task REL_22_when_the_database_file_is_gone_readiness_fails_readers_get_a_503_page_and_it_recovers_when_it_returns()
    {
        using var client = _factory.CreateClient();
        // The site notices other connections' commits within 2 s and drops its cached pages; the other tests' writes
        // must be noticed before the page below is cached, or that late notice evicts it during the outage.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/news")).StatusCode);
        var aside = Path.Combine(_factory.DataFolder, "aside");
        Directory.CreateDirectory(aside);

        // Closing the pooled connections makes the next request open the file again, as after a volume went away.
        SqliteConnection.ClearAllPools();
        var moved = MoveDatabase(_factory.DatabasePath, aside);
        HttpResponseMessage home, cachedHome, ready, live;
        try
        {
            // A page rendered before the outage is still served from memory; one that was not cannot be.
            cachedHome = await client.GetAsync("/");
            home = await client.GetAsync("/news/2012");
            ready = await client.GetAsync("/health/ready");
            live = await client.GetAsync("/health/live");
            Assert.False(File.Exists(_factory.DatabasePath), "An empty database was created in place of the missing one.");
        }
        finally
        {
            foreach (var file in moved) File.Move(file, Path.Combine(_factory.DataFolder, Path.GetFileName(file)));
        }
        var homeAgain = await client.GetAsync("/news/2012");
        var readyAgain = await client.GetAsync("/health/ready");
        var page = await Html.ParseAsync(await home.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, cachedHome.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, home.StatusCode);
        Assert.Equal("The news archive is unavailable", page.QuerySelector("main h1")!.Text());
        Assert.DoesNotContain("Exception", page.Body!.TextContent);
        Assert.NotNull(home.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, homeAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
    }

    private static List<string> MoveDatabase(string databasePath, string folder)
    {
        var moved = new List<string>();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (!File.Exists(databasePath + suffix)) continue;
            var target = Path.Combine(folder, Path.GetFileName(databasePath) + suffix);
            File.Move(databasePath + suffix, target);
            moved.Add(target);
        }
        return moved;
    }

    private async Task<(int Id, Dictionary<string, string> Values)> SeededItemFormAsync(EditorSession editor)
    {
        var id = await _factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.Select(i => i.Id).FirstAsync());
        var (_, form) = await editor.GetAsync($"/admin/items/{id}/edit");
        return (id, EditorSession.FormValues(form.QuerySelector($"form[action='/admin/items/{id}/edit']")!));
    }

    /// <summary>Caps how far the database file may grow beyond its size when a connection opens (null: no cap).</summary>
    private sealed class PageLimit : DbConnectionInterceptor
    {
        public int? HeadroomPages { get; set; }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_count";
            var pages = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
            // 4294967294 is SQLite's default maximum: it lifts the cap from a pooled connection.
            command.CommandText = $"PRAGMA max_page_count = {(HeadroomPages is { } headroom ? pages + headroom : 4294967294)}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
