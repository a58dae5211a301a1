using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Import;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;
using static NewsPortal.Tests.Importing.ImportHarness;

namespace NewsPortal.Tests.Importing;

public sealed class ImportPageAndExportTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task An_editor_uploads_sees_the_dry_run_and_applies_it()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var title = $"Uploaded {Guid.NewGuid():N}";

        var dryRun = await Html.ParseAsync(await (await UploadAsync(editor, "items.json", Encoding.UTF8.GetBytes($"[{JsonItem(title)}]"))).Content.ReadAsStringAsync());

        Assert.StartsWith("1 created, 0 updated, 0 unchanged, 0 errors", dryRun.QuerySelector(".import-summary")!.Text());
        Assert.Equal(title, dryRun.QuerySelector("table.import-entries tbody tr td:nth-child(3)")!.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/news/{NewsPortal.Core.News.Slug.From(title)}")).StatusCode);

        var applied = await editor.PostAsync("/admin/import/apply", EditorSession.FormValues(dryRun.QuerySelector("form[action='/admin/import/apply']")!));
        var report = await Html.ParseAsync(await applied.Content.ReadAsStringAsync());

        Assert.Contains("Applied as batch", report.QuerySelector(".import-summary")!.Text());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/news/{NewsPortal.Core.News.Slug.From(title)}")).StatusCode);
        var item = await factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.SingleAsync(i => i.Title == title));
        Assert.Equal(("items.json", 64), (item.SourceFileName, item.SourceSha256!.Length));
        Assert.NotNull(item.ImportBatchId);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync($"/admin/items/{item.Id}/history")).StatusCode);
    }

    [Fact]
    public async Task A_failed_dry_run_offers_no_apply_and_names_the_problem()
    {
        var editor = await EditorSession.SignInAsync(factory);

        var response = await UploadAsync(editor, "items.json", Encoding.UTF8.GetBytes("[{\"title\":\"A\"}]"));
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("items.json, record 1: date is required (2012-05-03 or 3 May 2012)", page.QuerySelector(".import-errors li")!.Text());
        Assert.Null(page.QuerySelector("form[action='/admin/import/apply']"));
    }

    [Fact]
    public async Task The_json_export_imports_back_with_nothing_changed()
    {
        await new NewsItemBuilder().Titled($"Exported {Guid.NewGuid():N}").WithBody("Text with *Markdown* and [a link](https://example.org).").SaveAsync(factory.Services);
        var editor = await EditorSession.SignInAsync(factory);

        var export = await editor.Client.GetAsync("/admin/export?format=json");
        var json = await export.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/json; charset=utf-8", export.Content.Headers.ContentType!.ToString());
        Assert.Equal("newsportal-export.json", export.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var report = await RunAsync(factory, dryRun: true, File("newsportal-export.json", json));
        Assert.Equal(0, report.Errors);
        Assert.Equal(0, report.Created + report.Updated);
        Assert.True(report.Unchanged >= 2);
    }

    [Fact]
    public async Task The_markdown_export_is_a_zip_that_imports_back_unchanged()
    {
        var editor = await EditorSession.SignInAsync(factory);

        var export = await editor.Client.GetAsync("/admin/export?format=markdown");
        var zip = await export.Content.ReadAsByteArrayAsync();

        using (var archive = new ZipArchive(new MemoryStream(zip)))
            Assert.Contains(archive.Entries, e => e.FullName == "2012-05-03-cybercrime-eu-us-cooperation-a-necessity.md");
        var report = await RunAsync(factory, dryRun: true, File("export.zip", zip));
        Assert.Equal(0, report.Errors + report.Created + report.Updated);
    }

    [Fact]
    public async Task A_selection_exports_only_its_items()
    {
        var editor = await EditorSession.SignInAsync(factory);

        var json = await (await editor.Client.GetAsync("/admin/export?format=json&year=2012")).Content.ReadAsStringAsync();

        var items = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.StartsWith("2012-", i.GetProperty("date").GetString()));
    }
}
