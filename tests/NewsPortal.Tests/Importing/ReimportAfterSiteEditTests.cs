using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Editing;
using NewsPortal.Core.Import;
using NewsPortal.Core.News;
using NewsPortal.Tests.Fixtures;
using static NewsPortal.Tests.Importing.ImportHarness;

namespace NewsPortal.Tests.Importing;

/// <summary>
/// Re-importing a file must not silently undo what editors changed on the site since: such items are kept unless the
/// editor asks to replace them, and a second click on "Apply" never applies an upload twice.
/// </summary>
public sealed class ReimportAfterSiteEditTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private const string EditedSummary = "Corrected on the site by an editor.";

    /// <summary>Imports one item, then has an editor change its summary on the site; returns the item's title.</summary>
    private async Task<string> ImportedThenEditedOnSiteAsync()
    {
        var title = $"Edited later {Guid.NewGuid():N}";
        await RunAsync(factory, dryRun: false, File("v1.json", $"[{JsonItem(title)}]"));
        await factory.WithScopeAsync(async services =>
        {
            var item = await services.GetRequiredService<NewsDbContext>().NewsItems.AsNoTracking().SingleAsync(i => i.Title == title);
            var outcome = await services.GetRequiredService<NewsEditor>()
                .UpdateAsync(item.Id, NewsItemContent.Of(item) with { Summary = EditedSummary }, item.Version, "editor@example.test");
            Assert.Equal(EditStatus.Saved, outcome.Status);
        });
        return title;
    }

    private static ImportSource SecondVersion(string title) => File("v2.json", $"[{JsonItem(title, extra: ", \"summary\": \"From the second file.\"")}]");

    private Task<NewsItem> ItemAsync(string title) =>
        factory.WithScopeAsync(services => services.GetRequiredService<NewsDbContext>().NewsItems.AsNoTracking().SingleAsync(i => i.Title == title));

    [Fact]
    public async Task A_re_import_keeps_an_item_an_editor_changed_since_and_says_so()
    {
        var title = await ImportedThenEditedOnSiteAsync();

        var dryRun = await RunAsync(factory, dryRun: true, SecondVersion(title));
        var applied = await RunAsync(factory, dryRun: false, SecondVersion(title));

        foreach (var report in new[] { dryRun, applied })
        {
            Assert.Equal((0, 0, 1, 1), (report.Created, report.Updated, report.Unchanged, report.SiteEdits));
            var warning = Assert.Single(Assert.Single(report.Entries).Warnings!);
            Assert.StartsWith("Edited on the site since its last import (revision 2, by editor@example.test on ", warning);
            Assert.EndsWith("kept as it is.", warning);
        }
        Assert.Equal(EditedSummary, (await ItemAsync(title)).Summary);
    }

    [Fact]
    public async Task Replacing_site_edits_updates_the_item_and_keeps_the_edit_in_its_history()
    {
        var title = await ImportedThenEditedOnSiteAsync();

        var report = await factory.WithScopeAsync(services => services.GetRequiredService<NewsImporter>()
            .RunAsync([SecondVersion(title)], dryRun: false, "import test", existing: ExistingItems.Update));

        Assert.Equal((1, 1), (report.Updated, report.SiteEdits));
        Assert.EndsWith("the import replaces that version, which stays in the item's history.", Assert.Single(Assert.Single(report.Entries).Warnings!));
        var item = await ItemAsync(title);
        Assert.Equal("From the second file.", item.Summary);
        var history = await factory.WithScopeAsync(services => services.GetRequiredService<NewsEditor>().HistoryAsync(item.Id));
        Assert.Equal(["Re-imported", "Edited", "Imported"], history.Select(r => r.Reason.Split(' ')[0]));
        Assert.Equal(EditedSummary, NewsEditor.ContentOf(history[1]).Summary);
    }

    [Fact]
    public async Task An_item_created_in_the_form_is_not_overwritten_by_a_record_with_its_slug()
    {
        var title = $"Written on the site {Guid.NewGuid():N}";
        await factory.WithScopeAsync(services => services.GetRequiredService<NewsEditor>().CreateAsync(
            new NewsItemContent { Title = title, Body = "Typed in the form.", PublishedOn = new DateOnly(2013, 2, 1), Status = NewsStatus.Published },
            "editor@example.test", Guid.NewGuid()));

        var report = await RunAsync(factory, dryRun: false, File("items.json", $"[{JsonItem(title)}]"));

        Assert.Equal((0, 0, 1, 1), (report.Created, report.Updated, report.Unchanged, report.SiteEdits));
        Assert.Equal("Typed in the form.", (await ItemAsync(title)).Body);
    }

    [Fact]
    public async Task The_import_page_offers_to_replace_site_edits_and_does_so_only_when_ticked()
    {
        var title = await ImportedThenEditedOnSiteAsync();
        var editor = await EditorSession.SignInAsync(factory);

        var dryRun = await Html.ParseAsync(await (await UploadAsync(editor, "items.json", Encoding.UTF8.GetBytes($"[{JsonItem(title, extra: ", \"summary\": \"From the second file.\"")}]")))
            .Content.ReadAsStringAsync());
        var applyForm = dryRun.QuerySelector("form[action='/admin/import/apply']")!;

        Assert.Equal("1 items edited on the site since their last import are kept as they are (counted as unchanged; see their warnings).",
            dryRun.QuerySelector(".import-summary .site-edits")!.Text());
        Assert.Equal("Also replace the 1 items edited on the site since their last import (the edited versions stay in their history)",
            applyForm.QuerySelector("label[for='replace-site-edits']")!.Text());

        var values = EditorSession.FormValues(applyForm);
        values["replaceSiteEdits"] = "true";
        var applied = await Html.ParseAsync(await (await editor.PostAsync("/admin/import/apply", values)).Content.ReadAsStringAsync());

        Assert.StartsWith("0 created, 1 updated, 0 unchanged", applied.QuerySelector(".import-summary")!.Text());
        Assert.Equal("From the second file.", (await ItemAsync(title)).Summary);
    }

    [Fact]
    public async Task A_second_click_on_apply_reports_the_first_outcome_and_imports_nothing_more()
    {
        var title = $"Applied once {Guid.NewGuid():N}";
        var editor = await EditorSession.SignInAsync(factory);
        var dryRun = await Html.ParseAsync(await (await UploadAsync(editor, "items.json", Encoding.UTF8.GetBytes($"[{JsonItem(title)}]"))).Content.ReadAsStringAsync());
        var values = EditorSession.FormValues(dryRun.QuerySelector("form[action='/admin/import/apply']")!);
        var batchesBefore = await factory.WithScopeAsync(services => services.GetRequiredService<NewsDbContext>().ImportBatches.CountAsync());

        // Both clicks race, as a double click does; exactly one of them imports.
        var responses = await Task.WhenAll(editor.PostAsync("/admin/import/apply", values), editor.PostAsync("/admin/import/apply", values));
        var again = await editor.PostAsync("/admin/import/apply", values);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(batchesBefore + 1, await factory.WithScopeAsync(services => services.GetRequiredService<NewsDbContext>().ImportBatches.CountAsync()));
        var batch = await factory.WithScopeAsync(services => services.GetRequiredService<NewsDbContext>().ImportBatches.MaxAsync(b => b.Id));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var page = await Html.ParseAsync(await again.Content.ReadAsStringAsync());
        Assert.Equal($"This upload was already handled by an earlier click. It was applied as batch {batch}: 1 created, 0 updated, 0 unchanged.",
            page.QuerySelector(".warning")!.Text());
        Assert.Equal(1, await factory.WithScopeAsync(services => services.GetRequiredService<NewsDbContext>().NewsItems.CountAsync(i => i.Title == title)));
    }
}
