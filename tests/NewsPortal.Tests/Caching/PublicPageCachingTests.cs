using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;
using NewsPortal.Tests.Importing;

namespace NewsPortal.Tests.Caching;

/// <summary>
/// Public pages come from memory until content changes, and then never a moment longer: after a save, an import or a
/// scheduled item coming due, the next reader gets the new page. A change written straight to the database (behind the
/// portal's back, so nothing tells the cache) shows whether a page came from the cache.
/// </summary>
public sealed class PublicPageCachingTests : IDisposable
{
    private readonly NewsPortalFactory _factory = new();
    private readonly AdjustableClock _clock = new();

    public PublicPageCachingTests() => _factory.TestServices = services => services.AddSingleton<TimeProvider>(_clock);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_page_is_served_from_memory_until_an_editor_saves_and_then_shows_the_save_at_once()
    {
        var item = await new NewsItemBuilder().Titled($"Cached item {Guid.NewGuid():N}").SaveAsync(_factory.Services);
        using var reader = _factory.CreateClient();
        var address = $"/news/{item.Slug}";

        var (rendered, renderedHeading) = await HeadingAndAgeAsync(reader, address);
        var (fromCache, cachedHeading) = await HeadingAndAgeAsync(reader, address);
        var editor = await EditorSession.SignInAsync(_factory);
        var (_, form) = await editor.GetAsync($"/admin/items/{item.Id}/edit");
        var values = EditorSession.FormValues(form.QuerySelector($"form[action='/admin/items/{item.Id}/edit']")!);
        values["Title"] = "Saved by an editor";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync($"/admin/items/{item.Id}/edit", values)).StatusCode);
        var (afterSave, afterSaveHeading) = await HeadingAndAgeAsync(reader, address);

        // The output cache answers a hit with an Age header; a page rendered for this request has none.
        Assert.Null(rendered);
        Assert.NotNull(fromCache);
        Assert.Equal(item.Title, renderedHeading);
        Assert.Equal(item.Title, cachedHeading);
        Assert.Null(afterSave);
        Assert.Equal("Saved by an editor", afterSaveHeading);
    }

    [Fact]
    public async Task An_import_replaces_cached_lists_and_feeds()
    {
        using var reader = _factory.CreateClient();
        var title = $"Imported after caching {Guid.NewGuid():N}";
        var listBefore = await reader.GetStringAsync("/news");
        var feedBefore = await reader.GetStringAsync("/feed.xml");

        var report = await ImportHarness.RunAsync(_factory, dryRun: false, ImportHarness.File("new.json", $"[{ImportHarness.JsonItem(title, date: "2014-10-30")}]"));

        Assert.True(report.Applied);
        Assert.DoesNotContain(title, listBefore);
        Assert.DoesNotContain(title, feedBefore);
        Assert.Contains(title, await reader.GetStringAsync("/news"));
        Assert.Contains(title, await reader.GetStringAsync("/feed.xml"));
    }

    [Fact]
    public async Task A_scheduled_item_appears_on_cached_pages_when_its_time_comes()
    {
        var title = $"Scheduled for later {Guid.NewGuid():N}";
        var publishAt = _clock.GetUtcNow().UtcDateTime.AddHours(1);
        await new NewsItemBuilder().Titled(title).On(new DateOnly(2014, 10, 31)).WithStatus(NewsStatus.Scheduled, publishAt).SaveAsync(_factory.Services);
        using var reader = _factory.CreateClient();
        var before = await reader.GetStringAsync("/news");

        _clock.Advance(TimeSpan.FromHours(2));
        var after = await reader.GetStringAsync("/news");

        Assert.DoesNotContain(title, before);
        Assert.Contains(title, after);
    }

    [Fact]
    public async Task Signed_in_editors_never_get_a_cached_public_page()
    {
        var item = await new NewsItemBuilder().Titled($"Seen by an editor {Guid.NewGuid():N}").SaveAsync(_factory.Services);
        // The same scheme and headers as the editor's browser, so that both ask for the same cache entry.
        using var reader = _factory.CreateBrowserLikeClient();
        var editor = await EditorSession.SignInAsync(_factory);
        await HeadingAndAgeAsync(reader, $"/news/{item.Slug}");
        await HeadingAndAgeAsync(editor.Client, $"/news/{item.Slug}");

        var (readerAge, _) = await HeadingAndAgeAsync(reader, $"/news/{item.Slug}");
        var (editorAge, _) = await HeadingAndAgeAsync(editor.Client, $"/news/{item.Slug}");

        Assert.NotNull(readerAge);
        Assert.Null(editorAge);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/news")]
    [InlineData("/feed.xml")]
    public async Task A_browser_that_has_the_page_gets_304_whether_or_not_it_was_cached(string address)
    {
        using var reader = _factory.CreateClient();
        var first = await reader.GetAsync(address);
        var etag = first.Headers.ETag;

        var revalidated = await GetWithAsync(reader, address, etag!);  // the page is in the output cache now
        await _factory.WithScopeAsync(s => { s.GetRequiredService<ContentVersion>().Bump(); return Task.CompletedTask; });
        var rendered = await GetWithAsync(reader, address, etag!);      // rendered again, same bytes

        Assert.NotNull(etag);
        Assert.True(etag!.IsWeak);
        Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, rendered.StatusCode);
        Assert.Empty(await rendered.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_item_page_says_when_it_was_last_modified()
    {
        var item = await new NewsItemBuilder().SaveAsync(_factory.Services);
        using var reader = _factory.CreateClient();

        var response = await reader.GetAsync($"/news/{item.Slug}");

        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.True(Math.Abs((response.Content.Headers.LastModified!.Value.UtcDateTime - item.UpdatedAtUtc).TotalSeconds) < 1);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_for_browsers_that_accept_it(string encoding)
    {
        using var reader = _factory.CreateClient();
        var plain = await reader.GetStringAsync("/news");
        var request = new HttpRequestMessage(HttpMethod.Get, "/news");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await reader.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        var text = await new StreamReader(decoder).ReadToEndAsync();

        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
        Assert.True(bytes.Length < plain.Length / 2, $"{bytes.Length} compressed bytes for {plain.Length} characters");
        Assert.Equal(plain, text);
    }

    [Fact]
    public async Task Admin_pages_are_neither_cached_nor_compressed()
    {
        var editor = await EditorSession.SignInAsync(_factory);
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/items");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        var response = await editor.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Null(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_change_made_with_plain_sql_beside_the_site_reaches_its_cached_pages()
    {
        var item = await new NewsItemBuilder().Titled($"Changed by SQL {Guid.NewGuid():N}").SaveAsync(_factory.Services);
        using var reader = _factory.CreateClient();
        await HeadingAndAgeAsync(reader, $"/news/{item.Slug}");
        Assert.NotNull((await HeadingAndAgeAsync(reader, $"/news/{item.Slug}")).Age);

        // SQL that bypasses the site's own saves (as an operator's would): only the database itself can tell the site.
        await _factory.WithScopeAsync(async services => Assert.Equal(1, await services.GetRequiredService<NewsDbContext>().Database
            .ExecuteSqlAsync($"""UPDATE "NewsItems" SET "Title" = 'Corrected with SQL' WHERE "Id" = {item.Id}""")));

        var heading = "";
        for (var attempt = 0; attempt < 50 && heading != "Corrected with SQL"; attempt++, await Task.Delay(100))
            heading = (await HeadingAndAgeAsync(reader, $"/news/{item.Slug}")).Heading;
        Assert.Equal("Corrected with SQL", heading);
    }

    [Fact]
    public async Task A_page_cached_just_after_a_save_is_not_dropped_again_when_the_database_reports_that_save()
    {
        var editor = await EditorSession.SignInAsync(_factory);
        var item = await new NewsItemBuilder().Titled($"Saved and cached {Guid.NewGuid():N}").SaveAsync(_factory.Services);
        var (_, form) = await editor.GetAsync($"/admin/items/{item.Id}/edit");
        var values = EditorSession.FormValues(form.QuerySelector($"form[action='/admin/items/{item.Id}/edit']")!);
        values["Title"] = "Saved, then read at once";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync($"/admin/items/{item.Id}/edit", values)).StatusCode);
        using var reader = _factory.CreateClient();
        var (rendered, heading) = await HeadingAndAgeAsync(reader, $"/news/{item.Slug}");

        // The database reports every commit: on SQLite the site looks every 2 s, PostgreSQL notifies at once.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Null(rendered);
        Assert.Equal("Saved, then read at once", heading);
        Assert.NotNull((await HeadingAndAgeAsync(reader, $"/news/{item.Slug}")).Age);
    }

    [Fact]
    public async Task Signing_in_does_not_drop_the_cached_pages()
    {
        var item = await new NewsItemBuilder().Titled($"Cached through a sign-in {Guid.NewGuid():N}").SaveAsync(_factory.Services);
        using var reader = _factory.CreateClient();
        await HeadingAndAgeAsync(reader, $"/news/{item.Slug}");

        // A sign-in commits (security stamp, audit entry); then more than the SQLite watch interval (2 s) passes.
        await EditorSession.SignInAsync(_factory);
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.NotNull((await HeadingAndAgeAsync(reader, $"/news/{item.Slug}")).Age);
    }

    /// <summary>The page's heading, and its Age header: set by the output cache on a hit only.</summary>
    private static async Task<(TimeSpan? Age, string Heading)> HeadingAndAgeAsync(HttpClient client, string address)
    {
        var (response, page) = await client.GetPageAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.Age, page.QuerySelector("article h1")!.Text());
    }

    private static Task<HttpResponseMessage> GetWithAsync(HttpClient client, string address, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request);
    }
}
