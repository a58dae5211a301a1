using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Data;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

public sealed class SignInTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private const string Failure = "Sign-in failed: wrong e-mail or password, or the account is locked for a few minutes.";

    private static async Task<string> ErrorOnPageAsync(HttpResponseMessage response) =>
        (await Html.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector(".form-errors")!.Text();

    [Fact]
    public async Task An_editor_signs_in_and_reaches_the_items()
    {
        var session = await EditorSession.SignInAsync(factory);

        var (response, page) = await session.GetAsync("/admin/items");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Items", page.QuerySelector("h1")!.Text());
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_http_only_same_site_and_host_only()
    {
        var email = await EditorSession.CreateAccountAsync(factory);
        var session = new EditorSession(factory, email, EditorSession.Password);

        var response = await session.SignInAsync(email, EditorSession.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-np-auth="));
        var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain="));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_account_get_the_same_answer()
    {
        var email = await EditorSession.CreateAccountAsync(factory);
        var session = new EditorSession(factory, email, EditorSession.Password);

        var wrongPassword = await session.SignInAsync(email, "not the right passphrase");
        var unknownAccount = await session.SignInAsync($"nobody-{Guid.NewGuid():N}@example.org", "not the right passphrase");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownAccount.StatusCode);
        Assert.Equal(Failure, await ErrorOnPageAsync(wrongPassword));
        Assert.Equal(Failure, await ErrorOnPageAsync(unknownAccount));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var email = await EditorSession.CreateAccountAsync(factory);
        var session = new EditorSession(factory, email, EditorSession.Password);

        for (var attempt = 0; attempt < 5; attempt++)
            await session.SignInAsync(email, "wrong passphrase number " + attempt);
        var withRightPassword = await session.SignInAsync(email, EditorSession.Password);

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Equal(Failure, await ErrorOnPageAsync(withRightPassword));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/admin/items")).StatusCode);
        var events = await factory.WithScopeAsync(services => services.GetRequiredService<NewsDbContext>().AuditEvents
            .Where(e => e.UserName == email).Select(e => e.Kind).ToListAsync());
        Assert.Equal(4, events.Count(k => k == AuditEventKind.SignInFailed));
        Assert.Equal(2, events.Count(k => k == AuditEventKind.LockedOut));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task After_sign_in_only_local_return_addresses_are_followed(string returnUrl)
    {
        var email = await EditorSession.CreateAccountAsync(factory);
        var session = new EditorSession(factory, email, EditorSession.Password);

        var response = await session.SubmitAsync("/admin/login", "/admin/login",
            new() { ["Email"] = email, ["Password"] = EditorSession.Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_copied_cookie()
    {
        var session = await EditorSession.SignInAsync(factory);
        var copiedCookie = factory.CreateBrowserLikeClient();
        var cookieHeader = session.Cookies.GetCookieHeader(new Uri("https://localhost/"));

        var logout = await session.SubmitAsync("/admin/items", "/admin/logout", []);
        Assert.Equal("/admin/login", logout.Headers.Location!.OriginalString);

        var replay = new HttpRequestMessage(HttpMethod.Get, "/admin/items");
        replay.Headers.Add("Cookie", cookieHeader);
        var response = await copiedCookie.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/admin/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Administrators_see_sign_ins_and_failures_in_the_audit_log()
    {
        var email = await EditorSession.CreateAccountAsync(factory);
        await new EditorSession(factory, email, EditorSession.Password).SignInAsync(email, "a wrong passphrase");
        await new EditorSession(factory, email, EditorSession.Password).SignInAsync(email, EditorSession.Password);
        var admin = await EditorSession.SignInAsync(factory, NewsPortal.Core.Accounts.PortalRoles.Admin);

        var (_, page) = await admin.GetAsync("/admin/audit");

        var rows = page.QuerySelectorAll("table.audit tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList())
            .Where(cells => cells[2] == email).Select(cells => cells[1]).ToList();
        Assert.Equal(["SignIn", "SignInFailed"], rows);
    }
}
