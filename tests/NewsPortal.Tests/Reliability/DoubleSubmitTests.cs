using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Reliability;

/// <summary>REL-02: a new-item form sent twice (double click, retry, back and resubmit) creates one item.</summary>
public sealed class DoubleSubmitTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task REL_02_the_same_new_item_form_sent_twice_in_a_row_creates_one_item()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var (title, values) = await NewItemFormAsync(editor);

        var first = await editor.PostAsync("/admin/items/new", values);
        var second = await editor.PostAsync("/admin/items/new", values);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await CountTitledAsync(title));
    }

    [Fact]
    public async Task REL_02_the_same_new_item_form_sent_twice_at_once_creates_one_item()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var (title, values) = await NewItemFormAsync(editor);

        var responses = await Task.WhenAll(editor.PostAsync("/admin/items/new", values), editor.PostAsync("/admin/items/new", values));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(responses[0].Headers.Location, responses[1].Headers.Location);
        Assert.Equal(1, await CountTitledAsync(title));
    }

    [Fact]
    public async Task Two_new_item_forms_with_the_same_title_are_two_items()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var (title, values) = await NewItemFormAsync(editor);
        var (_, other) = await NewItemFormAsync(editor);
        other["Title"] = title;

        await editor.PostAsync("/admin/items/new", values);
        await editor.PostAsync("/admin/items/new", other);

        Assert.Equal(2, await CountTitledAsync(title));
    }

    private static async Task<(string Title, Dictionary<string, string> Values)> NewItemFormAsync(EditorSession editor)
    {
        var (_, page) = await editor.GetAsync("/admin/items/new");
        var values = EditorSession.FormValues(page.QuerySelector("form[action='/admin/items/new']")!);
        var title = $"Sent twice {Guid.NewGuid():N}";
        values["Title"] = title;
        values["Body"] = "Body of an item sent twice.";
        return (title, values);
    }

    private Task<int> CountTitledAsync(string title) =>
        factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.CountAsync(i => i.Title == title));
}
