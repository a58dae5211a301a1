using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.Core.Accounts;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.BrowserTests.Fixtures;

/// <summary>
/// The portal on a real Kestrel port on 127.0.0.1 and Debian's Chromium driven by Playwright.
/// A missing browser fails the tests with a clear message; they never skip.
/// </summary>
public sealed class BrowserPortalFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly NewsPortalFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public NewsPortalFactory Factory => _factory;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? ChromiumPath;
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium not found at {executable}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.");

        // Kestrel here speaks plain HTTP on 127.0.0.1, so cookies cannot be Secure.
        _factory.Settings["Security:RequireHttps"] = "false";
        _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseAddress = _factory.CreateClient().BaseAddress!;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser profile (cookies, storage) per test.</summary>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Creates an editor account and returns its e-mail; the password is <see cref="EditorPassword"/>.</summary>
    public async Task<string> CreateEditorAsync()
    {
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        await using var scope = _factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync(email, PortalRoles.Editor, EditorPassword);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors));
        return email;
    }

    public const string EditorPassword = "a long browser test passphrase";

    /// <summary>A fresh browser profile signed in as a new editor.</summary>
    public async Task<IPage> SignedInEditorPageAsync()
    {
        var email = await CreateEditorAsync();
        var page = await NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(EditorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Items", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}
