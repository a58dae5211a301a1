using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Accounts;
using NewsPortal.Core.Data;
using NewsPortal.Core.Media;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.ScaleOut;

/// <summary>
/// REL-14 to REL-17: two portal instances on two real ports, one PostgreSQL database and one shared photo folder, with a
/// browser-like client whose requests land on either, as behind a round-robin load balancer.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private readonly string _dataFolder = NewsPortalFactory.NewDataFolder();
    private readonly CookieContainer _cookies = new();
    private string _database = "";
    private NewsPortalFactory _a = null!, _b = null!;
    private HttpClient _onA = null!, _onB = null!;

    public async Task InitializeAsync()
    {
        if (TestDatabase.PostgresServer is null)
            throw new InvalidOperationException($"No PostgreSQL server: set {TestDatabase.ServerVariable} (.ci/run starts one).");
        _database = TestDatabase.CreatePostgresDatabase();
        Directory.CreateDirectory(_dataFolder);
        _a = Instance(NewsPortalFactory.StartingOn(_dataFolder));
        _b = Instance(NewsPortalFactory.StartingOn(_dataFolder));
        // REL-15: both start at once on a database with every migration pending; one migrates, the other waits.
        await Task.WhenAll(Task.Run(_a.StartServer), Task.Run(_b.StartServer));
        _onA = Client(_a);
        _onB = Client(_b);
    }

    public async Task DisposeAsync()
    {
        _onA.Dispose();
        _onB.Dispose();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        TestDatabase.DropPostgresDatabase(_database);
        Directory.Delete(_dataFolder, recursive: true);
    }

    [PostgresFact]
    public async Task REL_14_signed_in_on_one_instance_an_editor_works_on_the_other_and_sees_the_same_content()
    {
        var email = await CreateEditorAsync();
        await SignInAsync(_onA, email, EditorSession.Password);

        // B has the left navigation's year counts cached; the new item's year is not among them yet.
        var year = new DateOnly(2003, 3, 3);
        Assert.Null((await _onB.GetPageAsync("/news")).Document.QuerySelector($"nav.left-nav a[href='/news/{year.Year}']"));

        // A form from B, posted to A: A accepts B's sign-in cookie and antiforgery token (shared keys, one app name).
        var form = await FormAsync(_onB, "/admin/items/new", "/admin/items/new");
        var title = $"Written through two instances {Guid.NewGuid():N}";
        form["Title"] = title;
        form["Body"] = "Saved on A from a form served by B.";
        form["Status"] = "Published";
        form["PublishedOn"] = year.ToString("yyyy-MM-dd");
        var created = await _onA.PostAsync("/admin/items/new", new MultipartFormDataContentFrom(form));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editAddress = created.Headers.Location!.OriginalString.Replace("?saved=1", "");

        // B drops its cached counts when A's commit is announced (NOTIFY), so its navigation shows the new year.
        Assert.True(await EventuallyAsync(async () =>
                (await _onB.GetPageAsync("/news")).Document.QuerySelector($"nav.left-nav a[href='/news/{year.Year}']") is not null),
            "B's left navigation did not show the year of A's new item within 5 seconds.");

        // Edited on B, seen on A.
        var edit = await FormAsync(_onB, editAddress, editAddress);
        edit["Title"] = title + " (edited on B)";
        Assert.Equal(HttpStatusCode.Redirect, (await _onB.PostAsync(editAddress, new MultipartFormDataContentFrom(edit))).StatusCode);
        var slug = await _a.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.Where(i => i.Title.StartsWith(title)).Select(i => i.Slug).SingleAsync());
        var (_, pageOnA) = await _onA.GetPageAsync($"/news/{slug}");
        Assert.Equal(title + " (edited on B)", pageOnA.QuerySelector("article h1")!.Text());

        // A photo stored by A is served by B from the shared folder.
        var photo = await _a.Services.GetRequiredService<MediaStore>().SaveAsync(new MemoryStream(TestImages.TinyPng));
        Assert.Equal(TestImages.TinyPng, await _onB.GetByteArrayAsync($"/media/{photo.FileName}"));
    }

    [PostgresFact]
    public async Task REL_14_conflicting_edits_through_two_instances_give_the_second_editor_the_conflict_page()
    {
        var email = await CreateEditorAsync();
        await SignInAsync(_onA, email, EditorSession.Password);
        var id = await _a.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.Select(i => i.Id).FirstAsync());
        var address = $"/admin/items/{id}/edit";
        var fromA = await FormAsync(_onA, address, address);
        var fromB = await FormAsync(_onB, address, address);
        fromA["Summary"] = "Saved first, through A.";
        fromB["Summary"] = "Saved second, through B.";

        var first = await _onA.PostAsync(address, new MultipartFormDataContentFrom(fromA));
        var second = await _onB.PostAsync(address, new MultipartFormDataContentFrom(fromB));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var summary = await _b.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.Where(i => i.Id == id).Select(i => i.Summary).SingleAsync());
        Assert.Equal("Saved first, through A.", summary);
    }

    [PostgresFact]
    public async Task REL_17_failed_sign_ins_count_towards_lockout_across_both_instances()
    {
        var email = await CreateEditorAsync();
        for (var attempt = 0; attempt < 5; attempt++)
            await SignInAsync(attempt % 2 == 0 ? _onA : _onB, email, "a wrong passphrase, again and again", expectSuccess: false);

        var locked = await _b.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PortalUser>>();
            return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
        });
        var rightPassword = await SignInAsync(_onA, email, EditorSession.Password, expectSuccess: false);

        Assert.True(locked);
        Assert.NotEqual(HttpStatusCode.Redirect, rightPassword.StatusCode);
    }

    private NewsPortalFactory Instance(NewsPortalFactory factory)
    {
        factory.Settings["Storage:DatabaseProvider"] = "Postgres";
        factory.Settings["ConnectionStrings:NewsPortal"] = _database;
        // Kestrel here speaks plain HTTP on 127.0.0.1, so cookies cannot be Secure.
        factory.Settings["Security:RequireHttps"] = "false";
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        return factory;
    }

    /// <summary>One cookie jar for both: cookies do not depend on the port, as they would not behind one host name.</summary>
    private HttpClient Client(NewsPortalFactory instance) =>
        new(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = instance.CreateClient().BaseAddress };

    private Task<string> CreateEditorAsync() => EditorSession.CreateAccountAsync(_a);

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, bool expectSuccess = true)
    {
        var form = await FormAsync(client, "/admin/login", "/admin/login");
        form["Email"] = email;
        form["Password"] = password;
        var response = await client.PostAsync("/admin/login", new MultipartFormDataContentFrom(form));
        if (expectSuccess) Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string page, string action)
    {
        var (response, document) = await client.GetPageAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = document.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to {action} on {page}");
        return EditorSession.FormValues(form);
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
