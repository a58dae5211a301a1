using System.Net;
using System.Text.Json;
using NewsPortal.Core.Accounts;
using NewsPortal.Core.Auditing;
using NewsPortal.Tests.Fixtures;
using Serilog.Events;

namespace NewsPortal.Tests.Security;

/// <summary>
/// SEC-45, SEC-46: security events are recorded as structured events (the audit log in the database, and the
/// app's Serilog events, captured beside the production console sink and rendered with its compact JSON formatter).
/// </summary>
[Collection(SecurePortalCollection.Name)]
public sealed class LoggingTests(SecurePortal portal)
{
    [Fact]
    public async Task SEC_45_sign_in_failures_lockouts_and_sign_ins_are_recorded_with_who_when_and_where()
    {
        var email = await PortalVisitor.CreateAccountAsync(portal);
        using var visitor = portal.NewVisitor();
        var started = DateTime.UtcNow;

        for (var attempt = 0; attempt < 5; attempt++) await visitor.SignInAsync(email, "a wrong passphrase for the log");
        using var laterVisitor = await PortalVisitor.SignedInAsync(portal);
        var events = await portal.AuditEventsAsync(email);
        var signIn = (await portal.AuditEventsAsync(laterVisitor.Email!)).Single(e => e.Kind == AuditEventKind.SignIn);

        Assert.Equal(4, events.Count(e => e.Kind == AuditEventKind.SignInFailed));
        Assert.Single(events, e => e.Kind == AuditEventKind.LockedOut);
        foreach (var recorded in events.Append(signIn))
        {
            Assert.Equal("127.0.0.1", recorded.IpAddress);
            Assert.InRange(recorded.AtUtc, started.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1)); // UTC, not local time
        }
    }

    [Fact]
    public async Task SEC_45_a_refused_sign_in_can_be_traced_to_its_request()
    {
        using var visitor = portal.NewVisitor();
        var email = $"trace-{Guid.NewGuid():N}@example.org";
        var mark = portal.Log.Mark();

        await visitor.SignInAsync(email, "a wrong passphrase to trace");

        // Some structured event names the account and carries the request id that also marks the request's other events.
        var events = portal.Log.Since(mark);
        Assert.Contains(events, e => Mentions(e, email) && (e.Properties.ContainsKey("RequestId") || e.TraceId is not null));
    }

    [Fact]
    public async Task SEC_45_refused_forms_uploads_and_imports_leave_an_event_naming_the_editor()
    {
        var item = await portal.NewItemAsync();
        using var editor = await PortalVisitor.SignedInAsync(portal);
        var edit = $"/admin/items/{item.Id}/edit";
        var failures = new List<string>();

        // SEC-18: a form without its token.
        var form = await editor.FormAsync(edit, edit);
        form.Remove("__RequestVerificationToken");
        failures.AddRange(await EventNamingEditorAsync(editor, "antiforgery failure", () => editor.PostAsync(edit, form)));
        // SEC-29: a refused upload.
        failures.AddRange(await EventNamingEditorAsync(editor, "refused upload", async () =>
        {
            var upload = new MultipartFormDataContentFrom(await editor.FormAsync(edit, edit));
            upload.Add(new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray()), "PhotoUpload", "photo.jpg");
            return await editor.Client.PostAsync(edit, upload);
        }));
        // A failed import.
        failures.AddRange(await EventNamingEditorAsync(editor, "failed import", () => ImportAsync(editor, "[{\"title\": \"broken\""u8.ToArray())));
        // A successful import (dry run and apply).
        failures.AddRange(await EventNamingEditorAsync(editor, "successful import", async () =>
        {
            var dryRun = await ImportAsync(editor, System.Text.Encoding.UTF8.GetBytes(
                $$"""[{"title": "Logged import {{Guid.NewGuid():N}}", "date": "2012-05-03", "body": "Imported for the log test."}]"""));
            var apply = (await Html.ParseAsync(await dryRun.Content.ReadAsStringAsync())).QuerySelector("form[action='/admin/import/apply']")!;
            return await editor.PostAsync("/admin/import/apply", EditorSession.FormValues(apply));
        }));

        SecurityAssert.NoFailures(failures);
    }

    [Fact]
    public async Task SEC_45_no_password_cookie_or_token_reaches_the_log()
    {
        var mark = portal.Log.Mark();
        var email = await PortalVisitor.CreateAccountAsync(portal);
        using var visitor = portal.NewVisitor();
        const string wrongPassword = "wrong-passphrase-that-must-not-be-logged";
        await visitor.SignInAsync(email, wrongPassword);
        await visitor.SignInAsync(email, EditorSession.Password);
        var token = (await visitor.FormAsync("/admin/items/new", "/admin/items/new"))["__RequestVerificationToken"];
        const string importBody = "import-body-that-must-not-be-logged";
        await ImportAsync(visitor, System.Text.Encoding.UTF8.GetBytes("[{\"title\": \"x\", \"body\": \"" + importBody + "\""));

        var output = CapturedLog.AsProductionOutput(portal.Log.Since(mark));

        foreach (var secret in new[] { wrongPassword, EditorSession.Password, visitor.Cookie("__Host-np-auth")!, visitor.Cookie("__Host-np-af")!, token, importBody })
            Assert.DoesNotContain(secret, output);
    }

    [Fact]
    public async Task SEC_46_a_user_name_with_line_breaks_cannot_forge_a_log_line()
    {
        using var visitor = portal.NewVisitor();
        const string forged = "2026-01-01T00:00:00Z INF Login succeeded for admin";
        var names = new[] { $"alice\r\n{forged}", $"alice\r\n{forged}@example.org", $"alice@example.org\n{{\"@t\":\"2026-01-01\",\"@m\":\"{forged}\"}}" };
        var mark = portal.Log.Mark();
        var lastAudit = await portal.LastAuditIdAsync();

        foreach (var name in names) await visitor.SignInAsync(name, "any password at all");

        var output = CapturedLog.AsProductionOutput(portal.Log.Since(mark));
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var parsed = JsonDocument.Parse(line); // every line is one whole event
            Assert.False(line.TrimStart().StartsWith("2026-01-01"), line);
            Assert.NotEqual("2026-01-01", parsed.RootElement.TryGetProperty("@t", out var t) ? t.GetString() : null);
        }
        // The audit log keeps each attempt as one record with the name as given, not as extra records.
        var recorded = await portal.AuditEventsSinceAsync(lastAudit);
        Assert.DoesNotContain(recorded, e => e.Kind == AuditEventKind.SignIn);
        Assert.All(recorded.Where(e => e.UserName?.Contains("alice") == true), e => Assert.Contains(e.UserName, names));
    }

    [Fact]
    public async Task SEC_46_the_audit_page_shows_a_name_with_line_separators_as_one_entry()
    {
        // CR and LF are refused by the e-mail check; Unicode line and paragraph separators are not.
        var marker = Guid.NewGuid().ToString("N");
        var forged = $"alice{marker}\u2028\u20292026-01-01 00:00:00 SignIn admin@example.org";
        using (var attacker = portal.NewVisitor()) await attacker.SignInAsync(forged, "any password at all");
        using var admin = await PortalVisitor.SignedInAsync(portal, PortalRoles.Admin);

        var (_, page) = await admin.GetPageAsync("/admin/audit");

        var rows = page.QuerySelectorAll("tr").Where(r => r.TextContent.Contains(marker) || r.TextContent.Contains("2026-01-01 00:00:00")).ToList();
        Assert.Single(rows);
        Assert.Contains(rows[0].QuerySelectorAll("td"), cell => cell.TextContent.Contains(marker) && cell.TextContent.Contains("2026-01-01 00:00:00 SignIn"));
    }

    private async Task<List<string>> EventNamingEditorAsync(PortalVisitor editor, string what, Func<Task<HttpResponseMessage>> act)
    {
        var mark = portal.Log.Mark();
        var lastAudit = await portal.LastAuditIdAsync();
        var response = await act();
        var logged = portal.Log.Since(mark).Any(e => Mentions(e, editor.Email!));
        var audited = (await portal.AuditEventsSinceAsync(lastAudit)).Any(e => e.UserName == editor.Email);
        return logged || audited ? [] : [$"{what} ({(int)response.StatusCode}): no log event or audit record names {editor.Email}"];
    }

    private static async Task<HttpResponseMessage> ImportAsync(PortalVisitor editor, byte[] file)
    {
        var form = await editor.FormAsync("/admin/import", "/admin/import");
        var content = new MultipartFormDataContentFrom(form);
        content.Add(new ByteArrayContent(file), "file", "log-test.json");
        return await editor.Client.PostAsync("/admin/import", content);
    }

    private static bool Mentions(LogEvent logEvent, string text) =>
        logEvent.RenderMessage().Contains(text) || logEvent.Properties.Values.Any(v => v.ToString().Contains(text));
}
