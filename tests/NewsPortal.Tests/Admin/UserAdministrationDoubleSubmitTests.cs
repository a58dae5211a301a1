using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Accounts;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Data;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

/// <summary>
/// An administrator's form sent twice at the same moment (a double click, a retry) gets a clear answer from both
/// requests and does the work once: never a 500 from Identity's or EF Core's concurrency checks.
/// </summary>
public sealed class UserAdministrationDoubleSubmitTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static async Task<IDocument> PageOf(HttpResponseMessage response) => await Html.ParseAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Posts the same form from two connections of one browser session at once.</summary>
    private async Task<HttpResponseMessage[]> PostTwiceAtOnceAsync(EditorSession session, string action, Dictionary<string, string> form)
    {
        var (first, second) = (factory.CreateBrowserLikeClient(session.Cookies), factory.CreateBrowserLikeClient(session.Cookies));
        return await Task.WhenAll(
            first.PostAsync(action, new MultipartFormDataContentFrom(form)),
            second.PostAsync(action, new MultipartFormDataContentFrom(form)));
    }

    private Task<List<AuditEvent>> AuditEventsAboutAsync(string subject) =>
        factory.WithScopeAsync(services => services.GetRequiredService<NewsDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Subject == subject).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task The_same_reset_form_sent_twice_at_once_resets_once_and_the_other_answer_says_nothing_was_reset()
    {
        var admin = await EditorSession.SignInAsync(factory, PortalRoles.Admin);
        var editor = await EditorSession.SignInAsync(factory);
        var (_, users) = await admin.GetAsync("/admin/users");
        var link = users.QuerySelectorAll("a").Single(a => a.Text() == $"Reset password of {editor.Email}").GetAttribute("href")!;
        var (_, confirmation) = await admin.GetAsync(link);
        var form = EditorSession.FormValues(confirmation.QuerySelector($"form[action='{link}']")!);

        var responses = await PostTwiceAtOnceAsync(admin, link, form);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var winner = await PageOf(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        var loser = await PageOf(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.StartsWith("Nothing was reset", loser.QuerySelector("[role='alert']")!.Text());
        Assert.Null(loser.QuerySelector(".one-time-password"));
        var password = winner.QuerySelector(".one-time-password")!.Text();
        Assert.Equal(HttpStatusCode.Redirect, (await new EditorSession(factory, editor.Email, password).SignInAsync(editor.Email, password)).StatusCode);
        Assert.Single(await AuditEventsAboutAsync(editor.Email), e => e.Kind == AuditEventKind.PasswordReset);
    }

    [Fact]
    public async Task The_same_disable_button_clicked_twice_at_once_disables_the_account_and_both_answers_say_so()
    {
        var admin = await EditorSession.SignInAsync(factory, PortalRoles.Admin);
        var editor = await EditorSession.SignInAsync(factory);
        var (_, users) = await admin.GetAsync("/admin/users");
        var form = users.QuerySelectorAll("form").Single(f => f.QuerySelector("button")!.Text() == $"Disable {editor.Email}");

        var responses = await PostTwiceAtOnceAsync(admin, form.GetAttribute("action")!, EditorSession.FormValues(form));

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"{editor.Email} can no longer sign in; their open sessions end within a minute.",
                (await PageOf(response)).QuerySelector("[role='status']")!.Text());
        }
        Assert.Equal(HttpStatusCode.OK, (await editor.SignInAsync(editor.Email, EditorSession.Password)).StatusCode);
        Assert.Single(await AuditEventsAboutAsync(editor.Email), e => e.Kind == AuditEventKind.UserDisabled);
    }

    [Fact]
    public async Task The_same_new_user_form_sent_twice_at_once_creates_one_account_and_the_other_answer_says_it_exists()
    {
        // Both requests pass Identity's duplicate check before either writes, as they can on a busy server.
        using var racing = new NewsPortalFactory();
        var rendezvous = new RendezvousUserValidator("twice-");
        racing.TestServices = services => services.AddSingleton<IUserValidator<PortalUser>>(rendezvous);
        var admin = await EditorSession.SignInAsync(racing, PortalRoles.Admin);
        var email = $"twice-{Guid.NewGuid():N}@example.org";
        var (_, page) = await admin.GetAsync("/admin/users/new");
        var form = EditorSession.FormValues(page.QuerySelector("form[action='/admin/users/new']")!);
        form["Email"] = email;

        var responses = await Task.WhenAll(
            racing.CreateBrowserLikeClient(admin.Cookies).PostAsync("/admin/users/new", new MultipartFormDataContentFrom(form)),
            racing.CreateBrowserLikeClient(admin.Cookies).PostAsync("/admin/users/new", new MultipartFormDataContentFrom(form)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var pages = await Task.WhenAll(responses.Select(PageOf));
        var created = Assert.Single(pages, p => p.QuerySelector(".one-time-password") is not null);
        var refused = pages.Single(p => p != created).QuerySelector("[data-valmsg-for='Email']")!.Text();
        Assert.Contains(email, refused);
        Assert.Contains("already", refused);
        var password = created.QuerySelector(".one-time-password")!.Text();
        Assert.Equal(HttpStatusCode.Redirect, (await new EditorSession(racing, email, password).SignInAsync(email, password)).StatusCode);
    }

    /// <summary>Holds the creation of an account named with the prefix until a second one arrives (at most 5 s).</summary>
    private sealed class RendezvousUserValidator(string prefix) : IUserValidator<PortalUser>
    {
        private readonly TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public async Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user)
        {
            if (user.UserName?.StartsWith(prefix, StringComparison.Ordinal) != true || user.PasswordHash is null || manager.Users.Any(u => u.Id == user.Id))
                return IdentityResult.Success;
            if (Interlocked.Increment(ref _arrived) == 2) _both.TrySetResult();
            await Task.WhenAny(_both.Task, Task.Delay(TimeSpan.FromSeconds(5)));
            return IdentityResult.Success;
        }
    }
}
