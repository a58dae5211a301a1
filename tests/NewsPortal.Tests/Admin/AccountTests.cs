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

/// <summary>SEC-03, SEC-04, SEC-10, SEC-11, SEC-16: password rules, two-step sign-in, account administration.</summary>
public sealed class AccountTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static async Task<IDocument> PageOf(HttpResponseMessage response) => await Html.ParseAsync(await response.Content.ReadAsStringAsync());

    private Task<HttpResponseMessage> ChangePasswordAsync(EditorSession session, string current, string next) =>
        session.SubmitAsync("/admin/account/password", "/admin/account/password",
            new() { ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = next });

    private Task<string?> SecurityStampOfAsync(string email) =>
        factory.WithScopeAsync(async services => (await services.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!.SecurityStamp);

    private Task<List<AuditEvent>> AuditEventsAboutAsync(string subject) =>
        factory.WithScopeAsync(services => services.GetRequiredService<NewsDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Subject == subject).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The admin's way to the reset of <paramref name="email"/>: the link on the users page, then its confirmation form.</summary>
    private static async Task<(string Action, Dictionary<string, string> Form)> OpenResetConfirmationAsync(EditorSession admin, string email)
    {
        var (_, users) = await admin.GetAsync("/admin/users");
        var link = users.QuerySelectorAll("a").Single(a => a.Text() == $"Reset password of {email}").GetAttribute("href")!;
        var (response, confirmation) = await admin.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = confirmation.QuerySelector($"form[action='{link}']")!;
        return (link, EditorSession.FormValues(form));
    }

    [Theory]
    [InlineData("elevenchars", "Passwords must be at least 12 characters.")]
    [InlineData("password1234", "This password is too common; choose a longer phrase of your own.")]
    [InlineData("aaaaaaaaaaaaaaaa", "This password is too common; choose a longer phrase of your own.")]
    public async Task Weak_new_passwords_are_refused_with_the_reason(string password, string message)
    {
        var session = await EditorSession.SignInAsync(factory);

        var page = await PageOf(await ChangePasswordAsync(session, EditorSession.Password, password));

        Assert.Equal(message, page.QuerySelector("[data-valmsg-for='NewPassword']")!.Text());
    }

    [Fact]
    public async Task Passwords_longer_than_128_characters_are_refused()
    {
        var result = await factory.WithScopeAsync(services => services.GetRequiredService<AccountAdministration>()
            .CreateAsync($"long-{Guid.NewGuid():N}@example.org", PortalRoles.Editor, new string('x', 60) + new string('y', 69)));

        Assert.False(result.Succeeded);
        Assert.Contains("Passwords can be at most 128 characters long.", result.Errors);
    }

    [Theory]
    [InlineData("correct horse battery staple 🐎")]
    [InlineData("a passphrase of exactly sixty-four characters, spaces included!!")]
    public async Task Long_passphrases_without_composition_rules_are_accepted_and_not_truncated(string password)
    {
        var session = await EditorSession.SignInAsync(factory);

        var response = await ChangePasswordAsync(session, EditorSession.Password, password);

        Assert.Equal("/admin/account?changed=password", response.Headers.Location!.OriginalString);
        var again = new EditorSession(factory, session.Email, password);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(session.Email, password[..^1])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(session.Email, password)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var session = await EditorSession.SignInAsync(factory);

        var page = await PageOf(await ChangePasswordAsync(session, "not my current password", "a brand new passphrase"));

        Assert.Equal("The current password is wrong, or the account is locked for a few minutes after repeated failures.",
            page.QuerySelector("[data-valmsg-for='CurrentPassword']")!.Text());
    }

    [Fact]
    public async Task Guessing_the_current_password_from_a_session_locks_the_account_as_sign_in_would()
    {
        var session = await EditorSession.SignInAsync(factory);
        for (var guess = 0; guess < 5; guess++)
            await ChangePasswordAsync(session, $"guess number {guess} of a thief", "a thief's new passphrase");

        // Locked now: even the right password changes nothing, and a new sign-in is refused.
        var page = await PageOf(await ChangePasswordAsync(session, EditorSession.Password, "a thief's new passphrase"));
        Assert.NotNull(page.QuerySelector("[data-valmsg-for='CurrentPassword']:not(:empty)"));
        var owner = new EditorSession(factory, session.Email, EditorSession.Password);
        Assert.Equal(HttpStatusCode.OK, (await owner.SignInAsync(session.Email, EditorSession.Password)).StatusCode);
        var user = await factory.WithScopeAsync(services => services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>().FindByEmailAsync(session.Email));
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow);
        Assert.True(await factory.WithScopeAsync(services => services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>().CheckPasswordAsync(user, EditorSession.Password)));
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions()
    {
        var here = await EditorSession.SignInAsync(factory);
        var elsewhere = new EditorSession(factory, here.Email, EditorSession.Password);
        await elsewhere.SignInAsync(here.Email, EditorSession.Password);

        await ChangePasswordAsync(here, EditorSession.Password, "another long passphrase");

        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/admin/items")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.Client.GetAsync("/admin/items")).StatusCode);
    }

    [Fact]
    public async Task Two_step_sign_in_asks_for_a_code_that_works_only_once()
    {
        var session = await EditorSession.SignInAsync(factory);
        Assert.Equal("/admin/account", (await session.SubmitAsync("/admin/account", "/admin/account/authenticator/setup", [])).Headers.Location!.OriginalString);
        var (_, account) = await session.GetAsync("/admin/account");
        var key = account.QuerySelector(".shared-key")!.Text();
        Assert.NotNull(account.QuerySelector(".qr-code svg"));
        var enabled = await PageOf(await session.SubmitAsync("/admin/account", "/admin/account/authenticator", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
        var recoveryCodes = enabled.QuerySelectorAll(".codes code").Select(c => c.Text()).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        // A new browser: password, then the code, which is refused when used a second time.
        var first = new EditorSession(factory, session.Email, EditorSession.Password);
        var step = await first.SignInAsync(session.Email, EditorSession.Password);
        Assert.StartsWith("/admin/login/two-factor", step.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await first.Client.GetAsync("/admin/items")).StatusCode);
        var code = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));
        var accepted = await first.SubmitAsync("/admin/login/two-factor", "/admin/login/two-factor", new() { ["Code"] = code });
        Assert.Equal("/admin", accepted.Headers.Location!.OriginalString);

        var second = new EditorSession(factory, session.Email, EditorSession.Password);
        await second.SignInAsync(session.Email, EditorSession.Password);
        var reused = await second.SubmitAsync("/admin/login/two-factor", "/admin/login/two-factor", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Equal("That code is not valid (codes work once).", (await PageOf(reused)).QuerySelector("[data-valmsg-for='Code']")!.Text());

        var recovery = await second.SubmitAsync("/admin/login/two-factor", "/admin/login/two-factor", new() { ["Code"] = recoveryCodes[0], ["IsRecoveryCode"] = "true" });
        Assert.Equal("/admin", recovery.Headers.Location!.OriginalString);
        var third = new EditorSession(factory, session.Email, EditorSession.Password);
        await third.SignInAsync(session.Email, EditorSession.Password);
        var reusedRecovery = await third.SubmitAsync("/admin/login/two-factor", "/admin/login/two-factor", new() { ["Code"] = recoveryCodes[0], ["IsRecoveryCode"] = "true" });
        Assert.Equal(HttpStatusCode.OK, reusedRecovery.StatusCode);

        // Turning it off needs the password, not just the session.
        var refused = await PageOf(await session.SubmitAsync("/admin/account", "/admin/account/authenticator/disable", new() { ["currentPassword"] = "a guess" }));
        Assert.Equal("Enter your current password to turn two-step sign-in off.", refused.QuerySelector("[data-valmsg-for='currentPassword']")!.Text());
        var turnedOff = await session.SubmitAsync("/admin/account", "/admin/account/authenticator/disable", new() { ["currentPassword"] = EditorSession.Password });
        Assert.Equal("/admin/account", turnedOff.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Opening_the_account_page_changes_nothing_and_keeps_the_other_sessions()
    {
        var here = await EditorSession.SignInAsync(factory);
        var elsewhere = new EditorSession(factory, here.Email, EditorSession.Password);
        await elsewhere.SignInAsync(here.Email, EditorSession.Password);
        var stamp = await SecurityStampOfAsync(here.Email);

        var (_, account) = await here.GetAsync("/admin/account");

        Assert.Equal(stamp, await SecurityStampOfAsync(here.Email));
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.Client.GetAsync("/admin/items")).StatusCode);
        Assert.Null(account.QuerySelector(".shared-key"));
        Assert.Equal("Set up two-step sign-in", account.QuerySelector("form[action='/admin/account/authenticator/setup'] button")!.Text());
    }

    [Fact]
    public async Task Setting_up_two_step_sign_in_is_a_post_that_shows_the_key_and_keeps_this_session()
    {
        var session = await EditorSession.SignInAsync(factory);

        var setUp = await session.SubmitAsync("/admin/account", "/admin/account/authenticator/setup", []);

        Assert.Equal("/admin/account", setUp.Headers.Location!.OriginalString);
        var (response, account) = await session.GetAsync("/admin/account");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^([a-z2-7]{4} ?)+$", account.QuerySelector(".shared-key")!.Text());
        Assert.NotNull(account.QuerySelector(".qr-code svg"));
    }

    [Fact]
    public async Task An_admin_creates_an_editor_with_a_password_shown_once()
    {
        var admin = await EditorSession.SignInAsync(factory, PortalRoles.Admin);
        var email = $"new-editor-{Guid.NewGuid():N}@example.org";

        var page = await PageOf(await admin.SubmitAsync("/admin/users/new", "/admin/users/new", new() { ["Email"] = email }));

        var password = page.QuerySelector(".one-time-password")!.Text();
        Assert.Equal(20, password.Length);
        var newcomer = new EditorSession(factory, email, password);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.SignInAsync(email, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.Client.GetAsync("/admin/items")).StatusCode);
        Assert.DoesNotContain(password, await (await admin.Client.GetAsync("/admin/users")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Disabling_an_editor_ends_their_session_and_stops_sign_in()
    {
        var admin = await EditorSession.SignInAsync(factory, PortalRoles.Admin);
        var editor = await EditorSession.SignInAsync(factory);
        var (_, users) = await admin.GetAsync("/admin/users");
        var disableAction = users.QuerySelectorAll("form").Select(f => f.GetAttribute("action")!)
            .Single(a => a.EndsWith("/disable") && users.QuerySelector($"form[action='{a}'] button")!.Text().Contains(editor.Email));

        await admin.SubmitAsync("/admin/users", disableAction, []);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.Client.GetAsync("/admin/items")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.SignInAsync(editor.Email, EditorSession.Password)).StatusCode);
    }

    [Fact]
    public async Task Resetting_a_password_gives_a_new_one_and_ends_the_old()
    {
        var admin = await EditorSession.SignInAsync(factory, PortalRoles.Admin);
        var editor = await EditorSession.SignInAsync(factory);
        var (action, form) = await OpenResetConfirmationAsync(admin, editor.Email);

        var page = await PageOf(await admin.PostAsync(action, form));

        var password = page.QuerySelector(".one-time-password")!.Text();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Client.GetAsync("/admin/items")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.SignInAsync(editor.Email, EditorSession.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync(editor.Email, password)).StatusCode);
    }

    [Fact]
    public async Task Resetting_a_password_asks_for_confirmation_before_anything_changes()
    {
        var admin = await EditorSession.SignInAsync(factory, PortalRoles.Admin);
        var editor = await EditorSession.SignInAsync(factory);
        var stamp = await SecurityStampOfAsync(editor.Email);

        var (_, form) = await OpenResetConfirmationAsync(admin, editor.Email);

        Assert.True(form.ContainsKey("__RequestVerificationToken"));
        Assert.Equal(stamp, await SecurityStampOfAsync(editor.Email));
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/admin/items")).StatusCode);
        Assert.Empty(await AuditEventsAboutAsync(editor.Email));
    }

    [Fact]
    public async Task Sending_the_same_reset_form_again_resets_nothing_and_keeps_the_password_given()
    {
        var admin = await EditorSession.SignInAsync(factory, PortalRoles.Admin);
        var editor = await EditorSession.SignInAsync(factory);
        var (action, form) = await OpenResetConfirmationAsync(admin, editor.Email);
        var password = (await PageOf(await admin.PostAsync(action, form))).QuerySelector(".one-time-password")!.Text();

        // What a browser sends when the result page is refreshed.
        var repeated = await admin.PostAsync(action, form);

        Assert.Equal(HttpStatusCode.Conflict, repeated.StatusCode);
        var page = await PageOf(repeated);
        Assert.Null(page.QuerySelector(".one-time-password"));
        Assert.StartsWith("Nothing was reset", page.QuerySelector("[role='alert']")!.Text());
        Assert.Equal(HttpStatusCode.Redirect, (await new EditorSession(factory, editor.Email, password).SignInAsync(editor.Email, password)).StatusCode);
        Assert.Single(await AuditEventsAboutAsync(editor.Email), e => e.Kind == AuditEventKind.PasswordReset && e.UserName == admin.Email);
    }

    [Fact]
    public async Task A_reset_post_without_its_confirmation_resets_nothing()
    {
        var admin = await EditorSession.SignInAsync(factory, PortalRoles.Admin);
        var editor = await EditorSession.SignInAsync(factory);
        var (action, form) = await OpenResetConfirmationAsync(admin, editor.Email);
        form.Remove("confirmation");

        var response = await admin.PostAsync(action, form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/admin/items")).StatusCode);
    }
}
