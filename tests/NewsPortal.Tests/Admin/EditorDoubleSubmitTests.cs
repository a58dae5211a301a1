using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

/// <summary>
/// An editor's form sent twice at the same moment (a double click, a retry): each request gets a clear answer,
/// never a 500, and the work is done once.
/// </summary>
public sealed class EditorDoubleSubmitTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static async Task<IDocument> PageOf(HttpResponseMessage response) => await Html.ParseAsync(await response.Content.ReadAsStringAsync());

    private async Task<HttpResponseMessage[]> PostTwiceAtOnceAsync(EditorSession session, string action, Dictionary<string, string> form) =>
        await Task.WhenAll(
            factory.CreateBrowserLikeClient(session.Cookies).PostAsync(action, new MultipartFormDataContentFrom(form)),
            factory.CreateBrowserLikeClient(session.Cookies).PostAsync(action, new MultipartFormDataContentFrom(form)));

    private static async Task<int> NewItemAsync(EditorSession editor)
    {
        var response = await editor.SubmitAsync("/admin/items/new", "/admin/items/new", new()
        {
            ["Title"] = $"Double submit {Guid.NewGuid():N}", ["PublishedOn"] = "2012-06-01", ["Status"] = "Published", ["Body"] = "First body.",
        });
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
    }

    private static async Task<Dictionary<string, string>> FormOnAsync(EditorSession editor, string page, string action)
    {
        var (_, document) = await editor.GetAsync(page);
        return EditorSession.FormValues(document.QuerySelector($"form[action='{action}']")!);
    }

    private Task<int> RevisionCountAsync(int id) =>
        factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().Revisions.CountAsync(r => r.NewsItemId == id));

    [Fact]
    public async Task The_same_edit_sent_twice_at_once_saves_once_and_both_answers_say_saved()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(editor);
        var form = await FormOnAsync(editor, $"/admin/items/{id}/edit", $"/admin/items/{id}/edit");
        form["Body"] = "The corrected body.";

        var responses = await PostTwiceAtOnceAsync(editor, $"/admin/items/{id}/edit", form);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(2, await RevisionCountAsync(id));
    }

    [Fact]
    public async Task The_same_edit_sent_again_after_it_was_saved_answers_saved_not_a_conflict_with_oneself()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(editor);
        var form = await FormOnAsync(editor, $"/admin/items/{id}/edit", $"/admin/items/{id}/edit");
        form["Body"] = "The corrected body.";
        var first = await editor.PostAsync($"/admin/items/{id}/edit", form);

        // What the browser sends on a double click, or when "back" and "Save" are pressed again.
        var again = await editor.PostAsync($"/admin/items/{id}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(2, await RevisionCountAsync(id));
    }

    [Fact]
    public async Task A_different_edit_based_on_the_same_version_is_still_a_conflict()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(editor);
        var form = await FormOnAsync(editor, $"/admin/items/{id}/edit", $"/admin/items/{id}/edit");
        form["Body"] = "The corrected body.";
        await editor.PostAsync($"/admin/items/{id}/edit", form);

        form["Body"] = "Another body.";
        var other = await editor.PostAsync($"/admin/items/{id}/edit", form);

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(2, await RevisionCountAsync(id));
    }

    [Fact]
    public async Task The_same_delete_sent_twice_at_once_deletes_once_and_neither_answer_is_an_error()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(editor);
        var form = await FormOnAsync(editor, $"/admin/items/{id}/delete", $"/admin/items/{id}/delete");

        var responses = await PostTwiceAtOnceAsync(editor, $"/admin/items/{id}/delete", form);

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Gone, $"{r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_same_restore_sent_twice_at_once_restores_once_and_neither_answer_is_an_error()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await NewItemAsync(editor);
        var edit = await FormOnAsync(editor, $"/admin/items/{id}/edit", $"/admin/items/{id}/edit");
        edit["Body"] = "Second body.";
        await editor.PostAsync($"/admin/items/{id}/edit", edit);
        var form = await FormOnAsync(editor, $"/admin/items/{id}/history", $"/admin/items/{id}/revisions/1/restore");

        var responses = await PostTwiceAtOnceAsync(editor, $"/admin/items/{id}/revisions/1/restore", form);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(3, await RevisionCountAsync(id));
    }

    // Not asserted: that this browser session survives. Each request re-issues the cookie it was validated with (the test
    // portal validates on every request), so the jar may end with a cookie from before the new stamp, as a real browser may.
    [Fact]
    public async Task Set_up_two_step_sign_in_clicked_twice_at_once_makes_one_key_and_neither_answer_is_an_error()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var form = await FormOnAsync(editor, "/admin/account", "/admin/account/authenticator/setup");

        var responses = await PostTwiceAtOnceAsync(editor, "/admin/account/authenticator/setup", form);

        Assert.All(responses, r => Assert.Equal("/admin/account", r.Headers.Location?.OriginalString));
        var again = new EditorSession(factory, editor.Email, EditorSession.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(editor.Email, EditorSession.Password)).StatusCode);
        var (_, account) = await again.GetAsync("/admin/account");
        var key = account.QuerySelector(".shared-key")!.Text();
        var enabled = await PageOf(await again.SubmitAsync("/admin/account", "/admin/account/authenticator", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
        Assert.Equal(10, enabled.QuerySelectorAll(".codes code").Length);
    }

    private static async Task<Dictionary<string, string>> TurnOnFormAsync(EditorSession editor)
    {
        await editor.SubmitAsync("/admin/account", "/admin/account/authenticator/setup", []);
        var (_, account) = await editor.GetAsync("/admin/account");
        var form = EditorSession.FormValues(account.QuerySelector("form[action='/admin/account/authenticator']")!);
        form["Code"] = Totp.Code(account.QuerySelector(".shared-key")!.Text(), DateTimeOffset.UtcNow);
        return form;
    }

    [Fact]
    public async Task Turn_on_two_step_sign_in_sent_twice_at_once_turns_it_on_once_and_neither_answer_is_an_error()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var form = await TurnOnFormAsync(editor);

        var responses = await PostTwiceAtOnceAsync(editor, "/admin/account/authenticator", form);

        // A request whose session is checked after the other renewed the account's stamp is sent to sign in again (this
        // test portal checks sessions on every request): that, or the page, but never an error.
        // (The cookie handler answers that with an absolute address.)
        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.OK
            || (r.Headers.Location is { } to && new Uri(new Uri("https://localhost"), to).AbsolutePath == "/admin/login"), $"{r.StatusCode} {r.Headers.Location}"));
        var pages = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.OK).Select(PageOf));
        Assert.Single(pages, p => p.QuerySelectorAll(".codes code").Length == 10);
        var signIn = await new EditorSession(factory, editor.Email, EditorSession.Password).SignInAsync(editor.Email, EditorSession.Password);
        Assert.StartsWith("/admin/login/two-factor", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Turn_on_two_step_sign_in_sent_again_says_it_is_already_on_and_keeps_the_session()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var form = await TurnOnFormAsync(editor);
        var first = await PageOf(await editor.PostAsync("/admin/account/authenticator", form));

        var again = await editor.PostAsync("/admin/account/authenticator", form);

        Assert.Equal(10, first.QuerySelectorAll(".codes code").Length);
        var page = await PageOf(again);
        Assert.StartsWith("Two-step sign-in was already turned on by the same form", page.QuerySelector("[role='status']")!.Text());
        Assert.Empty(page.QuerySelectorAll(".codes code"));
        var (after, account) = await editor.GetAsync("/admin/account");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.StartsWith("Two-step sign-in with an authenticator app is on", account.QuerySelector("h2 + p")!.Text());
    }
}
