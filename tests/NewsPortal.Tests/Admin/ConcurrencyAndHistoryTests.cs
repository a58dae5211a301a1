using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

/// <summary>REL-01, REL-03: no lost updates; every save is a revision that can be compared and restored.</summary>
public sealed class ConcurrencyAndHistoryTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private async Task<int> NewItemAsync(EditorSession editor, string body)
    {
        var response = await editor.SubmitAsync("/admin/items/new", "/admin/items/new", new()
        {
            ["Title"] = $"Shared item {Guid.NewGuid():N}", ["PublishedOn"] = "2012-06-01", ["Status"] = "Published", ["Body"] = body,
        });
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
    }

    private Task<NewsItem> ItemAsync(int id) =>
        factory.WithScopeAsync(services => services.GetRequiredService<NewsDbContext>().NewsItems.AsNoTracking().SingleAsync(i => i.Id == id));

    private static async Task<Dictionary<string, string>> EditFormAsync(EditorSession editor, int id)
    {
        var (_, page) = await editor.GetAsync($"/admin/items/{id}/edit");
        return EditorSession.FormValues(page.QuerySelector($"form[action='/admin/items/{id}/edit']")!);
    }

    private static async Task<IDocument> PageOf(HttpResponseMessage response) => await Html.ParseAsync(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task When_two_editors_save_the_same_item_the_second_sees_both_versions_and_keeps_their_text()
    {
        var alice = await EditorSession.SignInAsync(factory);
        var bob = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(alice, "The original body.");
        var aliceForm = await EditFormAsync(alice, id);
        var bobForm = await EditFormAsync(bob, id);

        aliceForm["Body"] = "Alice's body.";
        Assert.Equal(HttpStatusCode.Redirect, (await alice.PostAsync($"/admin/items/{id}/edit", aliceForm)).StatusCode);
        bobForm["Body"] = "Bob's body, typed with care.";
        var conflict = await bob.PostAsync($"/admin/items/{id}/edit", bobForm);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await PageOf(conflict);
        Assert.Equal("Someone else changed this item", page.QuerySelector("h1")!.Text());
        Assert.Contains(alice.Email, page.QuerySelector(".warning")!.Text());
        var bodyRow = page.QuerySelectorAll("table.differences tbody tr").Single(r => r.QuerySelector("th")!.Text() == "Body");
        Assert.Equal("Alice's body.", bodyRow.QuerySelector(".theirs")!.Text());
        Assert.Equal("Bob's body, typed with care.", bodyRow.QuerySelector(".yours")!.Text());
        Assert.Equal("Bob's body, typed with care.", page.QuerySelector("textarea[name='Body']")!.TextContent.Trim());
        Assert.Equal("Alice's body.", (await ItemAsync(id)).Body);
    }

    [Fact]
    public async Task After_a_conflict_saving_again_is_a_deliberate_overwrite()
    {
        var alice = await EditorSession.SignInAsync(factory);
        var bob = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(alice, "Start.");
        var bobForm = await EditFormAsync(bob, id);
        var aliceForm = await EditFormAsync(alice, id);
        aliceForm["Body"] = "Alice.";
        await alice.PostAsync($"/admin/items/{id}/edit", aliceForm);
        bobForm["Body"] = "Bob.";
        var conflictPage = await PageOf(await bob.PostAsync($"/admin/items/{id}/edit", bobForm));

        var again = await bob.PostAsync($"/admin/items/{id}/edit", EditorSession.FormValues(conflictPage.QuerySelector($"form[action='/admin/items/{id}/edit']")!));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Bob.", (await ItemAsync(id)).Body);
    }

    [Fact]
    public async Task Saving_an_item_someone_deleted_says_so_and_does_not_bring_it_back()
    {
        var alice = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(alice, "Doomed.");
        var form = await EditFormAsync(alice, id);
        await alice.SubmitAsync($"/admin/items/{id}/delete", $"/admin/items/{id}/delete", []);

        form["Body"] = "Too late.";
        var response = await alice.PostAsync($"/admin/items/{id}/edit", form);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("This item was deleted", (await PageOf(response)).QuerySelector("h1")!.Text());
        var item = await ItemAsync(id);
        Assert.NotNull(item.DeletedAtUtc);
        Assert.Equal("Doomed.", item.Body);
    }

    [Fact]
    public async Task Saving_an_item_someone_deleted_shows_back_the_text_that_was_not_saved()
    {
        var alice = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(alice, "Doomed.");
        var form = await EditFormAsync(alice, id);
        await alice.SubmitAsync($"/admin/items/{id}/delete", $"/admin/items/{id}/delete", []);

        form["Body"] = "An hour of careful work.";
        var page = await PageOf(await alice.PostAsync($"/admin/items/{id}/edit", form));

        Assert.Equal("An hour of careful work.", page.GetElementById("unsaved-body")!.TextContent.Trim());
        Assert.Equal(form["Title"], page.GetElementById("unsaved-title")!.GetAttribute("value"));
        Assert.Equal("/admin/items/deleted", page.QuerySelectorAll("main a").Single(a => a.Text() == "Deleted items").GetAttribute("href"));
    }

    [Fact]
    public async Task Every_save_is_a_revision_that_can_be_compared_and_restored()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(editor, "Version one.");
        foreach (var body in new[] { "Version two.", "Version three." })
        {
            var form = await EditFormAsync(editor, id);
            form["Body"] = body;
            await editor.PostAsync($"/admin/items/{id}/edit", form);
        }

        var (_, history) = await editor.GetAsync($"/admin/items/{id}/history");
        var rows = history.QuerySelectorAll("table.revisions tbody tr").ToList();
        Assert.Equal(["3", "2", "1"], rows.Select(r => r.QuerySelector("th")!.Text()));
        Assert.All(rows, r => Assert.Contains(editor.Email, r.Text()));

        var (_, diff) = await editor.GetAsync($"/admin/items/{id}/diff?from=1&to=3");
        var bodyDiff = diff.QuerySelectorAll("section.field-diff").Single(s => s.QuerySelector("h2")!.Text() == "Body");
        Assert.Contains("removed: - Version one.", bodyDiff.QuerySelector(".deleted")!.Text());
        Assert.Contains("added: + Version three.", bodyDiff.QuerySelector(".inserted")!.Text());

        var restore = await editor.SubmitAsync($"/admin/items/{id}/history", $"/admin/items/{id}/revisions/1/restore", []);

        Assert.Equal($"/admin/items/{id}/edit?saved=1", restore.Headers.Location!.OriginalString);
        Assert.Equal("Version one.", (await ItemAsync(id)).Body);
        var (_, after) = await editor.GetAsync($"/admin/items/{id}/history");
        Assert.Equal("Restored revision 1", after.QuerySelector("table.revisions tbody tr td:nth-child(4)")!.Text());
    }

    [Fact]
    public async Task A_restore_that_breaks_a_rule_says_why_and_changes_nothing()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(editor, "First.");
        var original = (await ItemAsync(id)).Slug;
        var form = await EditFormAsync(editor, id);
        form["Slug"] = original + "-renamed";
        await editor.PostAsync($"/admin/items/{id}/edit", form);
        var other = await NewItemAsync(editor, "Took the old slug.");
        var otherForm = await EditFormAsync(editor, other);
        otherForm["Slug"] = original;
        await editor.PostAsync($"/admin/items/{other}/edit", otherForm);
        Assert.Equal(original, (await ItemAsync(other)).Slug);

        var response = await editor.SubmitAsync($"/admin/items/{id}/history", $"/admin/items/{id}/revisions/1/restore", []);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal($"Revision 1 was not restored. The slug \"{original}\" is already used by another item.",
            (await PageOf(response)).QuerySelector("p[role='alert']")!.Text());
        Assert.Equal(original + "-renamed", (await ItemAsync(id)).Slug);
    }

    [Fact]
    public async Task Restoring_from_a_stale_history_page_changes_nothing()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(editor, "One.");
        var form = await EditFormAsync(editor, id);
        form["Body"] = "Two.";
        await editor.PostAsync($"/admin/items/{id}/edit", form);
        var (_, stalePage) = await editor.GetAsync($"/admin/items/{id}/history");
        var staleRestore = EditorSession.FormValues(stalePage.QuerySelector($"form[action='/admin/items/{id}/revisions/1/restore']")!);
        form = await EditFormAsync(editor, id);
        form["Body"] = "Three.";
        await editor.PostAsync($"/admin/items/{id}/edit", form);

        var response = await editor.PostAsync($"/admin/items/{id}/revisions/1/restore", staleRestore);

        Assert.Equal($"/admin/items/{id}/history?stale=1", response.Headers.Location!.OriginalString);
        Assert.Equal("Three.", (await ItemAsync(id)).Body);
    }

    [Fact]
    public async Task A_form_without_its_version_is_refused_and_changes_nothing()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(editor, "Kept.");
        var form = await EditFormAsync(editor, id);
        form.Remove("Version");
        form["Body"] = "Forged.";

        var response = await editor.PostAsync($"/admin/items/{id}/edit", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Kept.", (await ItemAsync(id)).Body);
    }
}
