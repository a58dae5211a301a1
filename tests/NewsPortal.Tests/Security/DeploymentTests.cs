using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Security;

/// <summary>SEC-43, SEC-47..SEC-50: what the deployed portal exposes, how its keys live, and what the repository holds.</summary>
[Collection(SecurePortalCollection.Name)]
public sealed class DeploymentTests(SecurePortal portal)
{
    [Theory]
    [InlineData("/.git/HEAD")]
    [InlineData("/.git/config")]
    [InlineData("/appsettings.json")]
    [InlineData("/appsettings.Development.json")]
    [InlineData("/appsettings.Production.json")]
    [InlineData("/newsportal.db")]
    [InlineData("/newsportal.db-wal")]
    [InlineData("/data/newsportal.db")]
    [InlineData("/app.db")]
    [InlineData("/app.db-wal")]
    [InlineData("/keys/")]
    [InlineData("/DataProtection-Keys/")]
    [InlineData("/wwwroot/")]
    [InlineData("/wwwroot/css/site.css")]
    [InlineData("/uploads/")]
    [InlineData("/web.config")]
    [InlineData("/.env")]
    [InlineData("/NewsPortal.dll")]
    [InlineData("/NewsPortal.deps.json")]
    [InlineData("/NewsPortal.runtimeconfig.json")]
    [InlineData("/Dockerfile")]
    [InlineData("/compose.yaml")]
    [InlineData("/seed/")]
    [InlineData("/css/")]
    [InlineData("/js/")]
    [InlineData("/css/..%2F..%2Fappsettings.json")]
    [InlineData("/css/%2e%2e/%2e%2e/appsettings.json")]
    [InlineData("/%2e%2e/appsettings.json")]
    public async Task SEC_43_no_secret_or_internal_file_and_no_directory_listing_is_reachable(string path)
    {
        using var reader = portal.NewClient();

        var response = await reader.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path} answered {(int)response.StatusCode}");
        // A listing links its files by name; the 404 page's own print and share links name the whole address asked for.
        foreach (var leak in new[] { "ConnectionStrings", "ref: refs/", "[core]", "SQLite format", "<key id=", "Index of /", "href=\"site.css\"", ">site.css<" })
            Assert.DoesNotContain(leak, body);
    }

    [Fact]
    [Trait("Database", TestDatabase.SqliteOnly)] // the restart reopens the same data folder; on PostgreSQL each factory has its own database
    public async Task SEC_47_sessions_and_forms_survive_a_restart_because_the_keys_are_persisted()
    {
        var first = new SecurePortal();
        await first.InitializeAsync();
        first.Factory.KeepDataFolder = true;
        var dataFolder = first.Factory.DataFolder;
        try
        {
            using var editor = await PortalVisitor.SignedInAsync(first);
            var session = editor.Cookie("__Host-np-auth")!;
            var antiforgery = editor.Cookie("__Host-np-af")!;
            var item = await first.NewItemAsync();
            var edit = $"/admin/items/{item.Id}/edit";
            var form = await editor.FormAsync(edit, edit);
            await first.DisposeAsync();

            var restarted = SecurePortal.StartingOn(dataFolder);
            await restarted.InitializeAsync();
            try
            {
                using var sameBrowser = restarted.NewVisitor();
                sameBrowser.Cookies.Add(new Cookie("__Host-np-auth", session, "/", SecurePortal.HostName) { Secure = true });
                sameBrowser.Cookies.Add(new Cookie("__Host-np-af", antiforgery, "/", SecurePortal.HostName) { Secure = true });
                form["Summary"] = "Saved after a restart with a form from before it.";

                Assert.Equal(HttpStatusCode.OK, (await sameBrowser.Client.GetAsync("/admin/items")).StatusCode);
                Assert.Equal(HttpStatusCode.Redirect, (await sameBrowser.PostAsync(edit, form)).StatusCode);
                Assert.DoesNotContain(restarted.Log.Events, e => e.RenderMessage().Contains("may not be persisted", StringComparison.OrdinalIgnoreCase));
            }
            finally
            {
                await restarted.DisposeAsync();
            }
        }
        finally
        {
            if (Directory.Exists(dataFolder)) Directory.Delete(dataFolder, recursive: true);
        }
    }

    [Fact]
    public void SEC_48_the_repository_holds_no_production_secret()
    {
        var failures = new List<string>();
        var privateKey = new Regex("-----BEGIN ([A-Z]+ )?PRIVATE KEY-----");
        var connectionPassword = new Regex(@"(?i)(password|pwd)\s*=\s*(?!\$|\{|;|""|')[^;""'\s]{3,}");
        foreach (var file in RepositorySourceFiles())
        {
            var relative = Path.GetRelativePath(RepositoryFiles.Root, file);
            if (Path.GetExtension(file) is ".pfx" or ".p12" or ".pem" or ".key" || Path.GetFileName(file) is ".env") failures.Add($"{relative}: key or environment file");
            var text = File.ReadAllText(file);
            if (privateKey.IsMatch(text)) failures.Add($"{relative}: private key");
            // Connection strings and settings live in configuration, scripts and container files, not in C#.
            var configuration = Path.GetExtension(file) is ".json" or ".yaml" or ".yml" or ".env" or ".conf" or ".ini" or ".props" or ".xml" or ".sh" or ".toml" or ""
                || Path.GetFileName(file).StartsWith("Dockerfile");
            if (configuration && connectionPassword.Match(text) is { Success: true } match) failures.Add($"{relative}: {match.Value}");
        }
        // Settings files: any password or secret setting is empty (supplied at run time).
        foreach (var settings in Directory.GetFiles(RepositoryFiles.Root, "appsettings*.json"))
            foreach (Match setting in Regex.Matches(File.ReadAllText(settings), @"""(?<name>[^""]*(?:Password|Secret|ApiKey|Token)[^""]*)""\s*:\s*""(?<value>[^""]+)""", RegexOptions.IgnoreCase))
                failures.Add($"{Path.GetFileName(settings)}: {setting.Groups["name"].Value} has a value");

        SecurityAssert.NoFailures(failures);
    }

    [Fact]
    public void SEC_49_a_known_vulnerable_package_fails_the_build()
    {
        // NuGet audits every restore (direct and transitive since .NET 10); its NU1901..NU1904 warnings must be errors.
        var props = XDocument.Load(Path.Combine(RepositoryFiles.Root, "Directory.Build.props"));
        var property = (string name) => props.Descendants(name).LastOrDefault()?.Value.Trim();
        var everyProject = Directory.GetFiles(RepositoryFiles.Root, "*.csproj", SearchOption.AllDirectories)
            .Append(Path.Combine(RepositoryFiles.Root, "Directory.Build.props")).Append(Path.Combine(RepositoryFiles.Root, "Directory.Packages.props"))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

        Assert.True(property("TreatWarningsAsErrors") == "true" || (property("WarningsAsErrors") ?? "").Contains("NU1903"), "audit warnings are not errors");
        foreach (var project in everyProject)
        {
            var text = File.ReadAllText(project);
            Assert.DoesNotMatch(@"<NuGetAudit>\s*false", text);
            Assert.DoesNotMatch(@"<NuGetAuditMode>\s*direct", text);
            Assert.DoesNotMatch(@"<NoWarn>[^<]*NU190[1-4]", text);
            Assert.DoesNotMatch(@"<WarningsNotAsErrors>[^<]*NU190[1-4]", text);
        }
    }

    [Fact]
    public async Task SEC_50_forwarded_headers_sent_straight_to_the_app_are_not_believed()
    {
        // ProxyTests covers the configured-proxy side in-process. Here: an attacker on the plain HTTP port claims HTTPS.
        using var http = portal.NewClient(plainHttp: true);
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        var response = await http.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Values("Set-Cookie"));
        Assert.DoesNotContain("evil.example", response.Headers.Location?.ToString() ?? "");
    }

    private static IEnumerable<string> RepositorySourceFiles()
    {
        string[] skipped = ["bin", "obj", ".git", "data", "TestResults", "BenchmarkDotNet.Artifacts", "tests", "node_modules"];
        var pending = new Stack<string>([RepositoryFiles.Root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var sub in Directory.GetDirectories(folder))
                if (!skipped.Contains(Path.GetFileName(sub))) pending.Push(sub);
            foreach (var file in Directory.GetFiles(folder))
                if (new FileInfo(file).Length < 2_000_000) yield return file;
        }
    }
}
