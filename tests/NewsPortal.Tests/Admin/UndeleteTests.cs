using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Data;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

/// <summary>A delete made by mistake can be undone from the admin pages, and the item comes back whole at its address.</summary>
public sealed class UndeleteTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static async Task<(int Id, string Title)> CreateAndDeleteAsync(EditorSession editor)
    {
        var title = $"Deleted by mistake {Guid.NewGuid():N}";
        var created = await editor.SubmitAsync("/admin/items/new", "/admin/items/new", new()
        {
            ["Title"] = title, ["PublishedOn"] = "2012-06-01", ["Status"] = "Published", ["Body"] = "A body worth keeping.",
        });
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[3]);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync($"/admin/items/{id}/delete", $"/admin/items/{id}/delete", [])).StatusCode);
        return (id, title);
    }

    [Fact]
    public async Task A_deleted_item_is_listed_and_can_be_brought_back_to_its_address()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var (id, title) = await CreateAndDeleteAsync(editor);
        var (_, items) = await editor.GetAsync("/admin/items?notice=deleted");
        Assert.Equal("/admin/items/deleted", items.QuerySelectorAll("a").Single(a => a.Text() == "Deleted items" && a.Closest("[role='status']") is not null).GetAttribute("href"));

        var (_, deleted) = await editor.GetAsync("/admin/items/deleted");
        var button = deleted.QuerySelectorAll("form button").Single(b => b.Text() == $"Bring back {title}");
        var response = await editor.SubmitAsync("/admin/items/deleted", button.Closest("form")!.GetAttribute("action")!, []);

        Assert.Equal($"/admin/items/{id}/edit?saved=1", response.Headers.Location!.OriginalString);
        var slug = await factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.Where(i => i.Id == id).Select(i => i.Slug).SingleAsync());
        var (page, document) = await factory.CreateClient().GetPageAsync($"/news/{slug}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("A body worth keeping.", document.QuerySelector("article .news-body")!.Text());
        var (_, after) = await editor.GetAsync("/admin/items/deleted");
        Assert.DoesNotContain(after.QuerySelectorAll("form button"), b => b.Text() == $"Bring back {title}");
        Assert.True(await factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().AuditEvents
            .AnyAsync(e => e.Kind == AuditEventKind.ItemUndeleted && e.Subject == $"item {id}" && e.UserName == editor.Email)));
    }

    [Fact]
    public async Task Bringing_back_twice_lands_on_the_item_and_changes_nothing_more()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var (id, _) = await CreateAndDeleteAsync(editor);
        var (_, deleted) = await editor.GetAsync("/admin/items/deleted");
        var form = EditorSession.FormValues(deleted.QuerySelector($"form[action='/admin/items/{id}/undelete']")!);

        await editor.PostAsync($"/admin/items/{id}/undelete", form);
        var again = await editor.PostAsync($"/admin/items/{id}/undelete", form);

        Assert.Equal($"/admin/items/{id}/edit", again.Headers.Location!.OriginalString);
        Assert.Equal(1, await factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().AuditEvents
            .CountAsync(e => e.Kind == AuditEventKind.ItemUndeleted && e.Subject == $"item {id}")));
    }
}
