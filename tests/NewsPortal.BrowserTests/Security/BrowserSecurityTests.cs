using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Fixtures;
using NewsPortal.Core.Data;
using NewsPortal.Core.Editing;
using NewsPortal.Core.Media;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Security;

namespace NewsPortal.BrowserTests.Security;

/// <summary>
/// SEC-19, SEC-22, SEC-35, SEC-38, SEC-42 in Chromium: what a real browser runs, sends and shows. The attacker's pages
/// come from <see cref="OtherOriginSite"/> on 127.0.0.2; the portal is on 127.0.0.1 (plain HTTP in this fixture, so
/// cookies are not Secure here; the HTTPS-only attributes are checked by the HTTP suite, SEC-13).
/// </summary>
public sealed class BrowserSecurityTests(BrowserPortalFixture portal) : IClassFixture<BrowserPortalFixture>
{
    [Fact]
    public async Task SEC_22_script_in_every_field_never_runs_in_any_page_the_item_appears_on()
    {
        var marker = "xss" + Guid.NewGuid().ToString("N")[..10];
        var (id, slug) = await CreateHostileItemAsync(marker);
        var reader = await portal.NewPageAsync();
        var editor = await portal.SignedInEditorPageAsync();
        var payload = Uri.EscapeDataString(HostileItem.Payload);
        var failures = new List<string>();

        foreach (var path in new[] { "/", "/news", "/news/2014", "/news/2014/11", $"/news/{slug}", $"/news/{slug}?print=1", $"/tags/{marker}",
                     $"/search?q={marker}", $"/news/{slug}/revisions/1", "/feed.xml", "/feed.atom", $"/tags/{marker}/feed.xml",
                     $"/search?q={payload}", $"/admin/login?ReturnUrl={payload}", $"/no-such-page/{payload}" })
            failures.AddRange(await ScriptProblemsAsync(reader, path, path.Contains(payload) || path.Contains("feed") ? null : marker));
        foreach (var path in new[] { "/admin/items", $"/admin/items?search={marker}", $"/admin/items/{id}/edit", $"/admin/items/{id}/history",
                     $"/admin/items/{id}/diff?from=1&to=2", $"/admin/items/{id}/preview", $"/admin/items/{id}/delete" })
            failures.AddRange(await ScriptProblemsAsync(editor, path, marker));

        // The live preview renders whatever is typed into the body.
        var dialogs = ListenForDialogs(editor);
        await editor.GotoAsync($"/admin/items/{id}/edit");
        await editor.GetByLabel("Body (Markdown)").FillAsync($"{marker} typed {HostileItem.Payload}\n\n<script>alert('typed')</script><img src=x onerror=alert('typed')>");
        await Assertions.Expect(editor.Locator("#live-preview")).ToContainTextAsync($"{marker} typed");
        await editor.WaitForTimeoutAsync(500);
        failures.AddRange(dialogs.Select(d => $"live preview: dialog \"{d}\""));
        // The form shown again with a validation error and everything typed.
        await editor.GetByLabel("Language").FillAsync(HostileItem.Payload);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await editor.WaitForLoadStateAsync(LoadState.Load);
        await editor.WaitForTimeoutAsync(500);
        failures.AddRange(dialogs.Select(d => $"validation page: dialog \"{d}\"").Distinct());
        failures.AddRange((await HandlerAttributesAsync(editor)).Select(a => $"validation page: {a}"));

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }

    [Fact]
    public async Task SEC_19_a_form_on_another_site_cannot_delete_or_edit_through_a_signed_in_editor()
    {
        var item = await new NewsItemBuilder().Titled($"CSRF target {Guid.NewGuid():N}").SaveAsync(portal.Factory.Services);
        var editor = await portal.SignedInEditorPageAsync();
        await using var evil = await OtherOriginSite.StartAsync();
        var target = portal.BaseAddress;
        var attacks = new Dictionary<string, string>
        {
            // The attacker knows the item's id and version (e.g. from an old copy of the page), just not the token.
            ["/delete.html"] = AutoSubmit($"{target}admin/items/{item.Id}/delete", "application/x-www-form-urlencoded",
                ("version", item.Version.ToString())),
            ["/edit.html"] = AutoSubmit($"{target}admin/items/{item.Id}/edit", "multipart/form-data",
                ("Version", item.Version.ToString()), ("Title", "Defaced by a cross-site form"), ("PublishedOn", "2011-01-01"),
                ("Language", "en"), ("Status", "Published"), ("Body", "defaced")),
            ["/fetch.html"] = $$"""
                <!DOCTYPE html><title>fetch</title><p id="done">sending</p><script>
                fetch("{{target}}admin/items/{{item.Id}}/delete", { method: "POST", mode: "no-cors", credentials: "include",
                  headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "version={{item.Version}}" })
                  .finally(() => document.getElementById("done").textContent = "sent");
                </script>
                """,
        };

        foreach (var (path, html) in attacks)
        {
            var address = evil.Serve(path, html);
            // The browser really sends the forged request to the portal (otherwise this test would prove nothing).
            var sent = await editor.RunAndWaitForRequestAsync(() => editor.GotoAsync(address),
                request => request.Method == "POST" && request.Url.StartsWith(target.ToString()));
            Assert.NotNull(sent);
            await editor.WaitForTimeoutAsync(500);
        }

        var stored = await StoredAsync(item.Id);
        Assert.Null(stored.DeletedAtUtc);
        Assert.Equal(item.Title, stored.Title);
        Assert.Equal(item.Version, stored.Version);
        // The editor is still signed in (a forged logout did not happen either) and the item is listed.
        await editor.GotoAsync($"/admin/items/{item.Id}/edit");
        await Assertions.Expect(editor.GetByLabel("Title")).ToHaveValueAsync(item.Title);
    }

    [Theory]
    [InlineData("admin/login")]
    [InlineData("")]
    [InlineData("news")]
    public async Task SEC_38_a_page_on_another_site_cannot_frame_the_portal(string portalPath)
    {
        await using var evil = await OtherOriginSite.StartAsync();
        evil.Serve("/control.html", "<!DOCTYPE html><title>control</title><p>control frame loaded</p>");
        var framing = evil.Serve("/frame.html", $"""
            <!DOCTYPE html><title>framing</title>
            <iframe id="portal" name="portal" src="{portal.BaseAddress}{portalPath}" width="800" height="600"></iframe>
            <iframe id="control" name="control" src="/control.html"></iframe>
            """);
        var page = await portal.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);

        await page.GotoAsync(framing, new() { WaitUntil = WaitUntilState.Load });
        await page.WaitForTimeoutAsync(1000);

        // The control frame from the attacker's own site does load, so a blocked portal frame is the portal's doing.
        var control = page.Frames.Single(f => f.Name == "control");
        Assert.Contains("control frame loaded", await control.ContentAsync());
        var portalFrame = page.Frames.Single(f => f.Name == "portal");
        var content = await FrameContentAsync(portalFrame);
        Assert.False(portalFrame.Url.StartsWith(portal.BaseAddress.ToString()) && content.Contains("<body"),
            $"the portal page was framed ({portalFrame.Url}); console: {string.Join(" | ", console)}");
        Assert.DoesNotContain("Sign in", content);
        Assert.DoesNotContain("Cecilia", content);
    }

    [Fact]
    public async Task SEC_35_script_injected_into_a_portal_page_is_refused_by_its_policy()
    {
        var page = await portal.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        await page.GotoAsync("/");

        var (ran, handlerRan, violations) = await InjectAsync(page);

        Assert.Null(ran);
        Assert.Null(handlerRan);
        Assert.True(violations.Any(v => v.StartsWith("script-src")) || console.Any(c => c.Contains("Content Security Policy")),
            $"no CSP violation reported; console: {string.Join(" | ", console)}");
    }

    [Fact]
    public async Task SEC_35_the_same_injection_runs_on_a_page_without_the_policy()
    {
        // The control for the test above: the injection itself works where no policy stops it.
        await using var evil = await OtherOriginSite.StartAsync();
        var address = evil.Serve("/plain.html", "<!DOCTYPE html><title>plain</title><p>no policy here</p>");
        var page = await portal.NewPageAsync();
        await page.GotoAsync(address);

        var (ran, handlerRan, _) = await InjectAsync(page);

        Assert.Equal("ran", ran);
        Assert.Equal("ran", handlerRan);
    }

    [Fact]
    public async Task SEC_42_after_signing_out_the_back_button_shows_no_admin_data()
    {
        var title = $"Seen only by editors {Guid.NewGuid():N}";
        await new NewsItemBuilder().Titled(title).WithStatus(NewsStatus.Draft).SaveAsync(portal.Factory.Services);
        var page = await portal.SignedInEditorPageAsync();
        await page.GotoAsync($"/admin/items?search={Uri.EscapeDataString(title)}");
        await Assertions.Expect(page.GetByText(title)).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/login");
        await page.GoBackAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        Assert.DoesNotContain(title, await page.ContentAsync());
    }

    private async Task<(int Id, string Slug)> CreateHostileItemAsync(string marker)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var photo = await scope.ServiceProvider.GetRequiredService<MediaStore>().SaveAsync(new MemoryStream(NewsPortal.Tests.Fixtures.TestImages.TinyPng));
        var editor = scope.ServiceProvider.GetRequiredService<NewsEditor>();
        var content = HostileItem.Content(marker, photo.FileName);
        var created = await editor.CreateAsync(content, "xss-test", Guid.NewGuid());
        Assert.True(created.Status == EditStatus.Saved, $"{created.Status}: {string.Join(" ", created.Errors?.Select(e => e.Value) ?? [])}");
        var updated = await editor.UpdateAsync(created.Current!.Id, content with { Summary = $"{marker} second summary {HostileItem.Payload}" },
            created.Current.Version, "xss-test");
        Assert.Equal(EditStatus.Saved, updated.Status);
        return (created.Current.Id, created.Current.Slug);
    }

    private async Task<NewsItem> StoredAsync(int id)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsDbContext>().NewsItems.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private static List<string> ListenForDialogs(IPage page)
    {
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            lock (dialogs) dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        return dialogs;
    }

    /// <summary>Opens <paramref name="path"/>, lets images fail and autofocus fire, and reports dialogs and injected handlers.</summary>
    private static async Task<List<string>> ScriptProblemsAsync(IPage page, string path, string? marker)
    {
        var dialogs = new List<string>();
        EventHandler<IDialog> onDialog = async (_, dialog) =>
        {
            lock (dialogs) dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        page.Dialog += onDialog;
        try
        {
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            await page.WaitForTimeoutAsync(300);
            // Hovering and focusing every element would fire on* handlers that wait for the reader.
            await page.EvaluateAsync("() => document.querySelectorAll('body *').forEach(e => { e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); })");
            await page.WaitForTimeoutAsync(100);
            var problems = dialogs.Select(d => $"{path}: dialog \"{d}\"").ToList();
            problems.AddRange((await HandlerAttributesAsync(page)).Select(a => $"{path}: {a}"));
            if (marker is not null && !(await page.ContentAsync()).Contains(marker))
                problems.Add($"{path}: the item is not on the page, so this context was not exercised");
            return problems;
        }
        finally
        {
            page.Dialog -= onDialog;
        }
    }

    /// <summary>Event handler attributes and script: URLs in the rendered DOM (the portal writes none of its own).</summary>
    private static async Task<IReadOnlyList<string>> HandlerAttributesAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes)
                .filter(a => /^on/i.test(a.name) || (/^(href|src|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)))
                .map(a => `<${e.localName} ${a.name}="${a.value.slice(0, 60)}">`))
            """);

    private static string AutoSubmit(string action, string encoding, params (string Name, string Value)[] fields) => $"""
        <!DOCTYPE html><title>You won a prize</title>
        <form method="post" action="{action}" enctype="{encoding}">
        {string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Name}\" value=\"{WebUtility.HtmlEncode(f.Value)}\">"))}
        </form>
        <script>document.forms[0].submit();</script>
        """;

    private static async Task<string> FrameContentAsync(IFrame frame)
    {
        try { return await frame.ContentAsync(); }
        catch (PlaywrightException) { return ""; } // an error page that cannot be read
    }

    /// <summary>Adds an inline script and an inline event handler the way an injection would; reports what ran and what the policy refused.</summary>
    private static async Task<(string? Ran, string? HandlerRan, string[] Violations)> InjectAsync(IPage page)
    {
        await page.EvaluateAsync("""
            () => {
              window.__violations = [];
              document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));
            }
            """);
        try
        {
            await page.AddScriptTagAsync(new() { Content = "window.__injected = 'ran';" });
        }
        catch (PlaywrightException)
        {
            // Refused outright is as good as refused silently.
        }
        await page.EvaluateAsync("""
            () => {
              const img = document.createElement('img');
              img.setAttribute('onerror', "window.__handler = 'ran'");
              img.src = 'data:,not-an-image';
              document.body.appendChild(img);
            }
            """);
        await page.WaitForTimeoutAsync(500);
        return (await page.EvaluateAsync<string?>("() => window.__injected ?? null"),
            await page.EvaluateAsync<string?>("() => window.__handler ?? null"),
            await page.EvaluateAsync<string[]>("() => window.__violations"));
    }
}
