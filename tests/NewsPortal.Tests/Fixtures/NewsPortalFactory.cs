using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPortal.Tests.Fixtures;

/// <summary>
/// The real app on a fresh temporary SQLite file, with the repository root as content root (so the real
/// appsettings.json and seed pages load). Runs as Production unless a test says otherwise.
/// </summary>
public class NewsPortalFactory : WebApplicationFactory<Program>
{
    public NewsPortalFactory() : this(dataFolder: null) { }

    /// <summary>A portal started on an existing data folder (a restart); the caller owns and deletes the folder.</summary>
    public static NewsPortalFactory StartingOn(string dataFolder) => new(dataFolder);

    // xunit allows a class fixture one public constructor.
    private NewsPortalFactory(string? dataFolder)
    {
        DataFolder = dataFolder ?? NewDataFolder();
        _ownsDataFolder = dataFolder is null;
        // Created up front: a command may run on this portal's data before the portal itself starts.
        if (TestDatabase.UsePostgres) PostgresConnectionString = TestDatabase.CreatePostgresDatabase();
    }

    private readonly bool _ownsDataFolder;

    /// <summary>The data folder of this factory: database, photos, pending imports (deleted on dispose unless passed in).</summary>
    public string DataFolder { get; }

    /// <summary>Keep <see cref="DataFolder"/> after dispose, to start another factory on it; the test deletes it.</summary>
    public bool KeepDataFolder { get; set; }

    /// <summary>Services replaced for one test, e.g. a connection interceptor.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>The PostgreSQL database of this factory when the suite runs on PostgreSQL (see <see cref="TestDatabase"/>).</summary>
    public string? PostgresConnectionString { get; }

    /// <summary>The environment a command run beside this portal needs to reach the same data.</summary>
    public Dictionary<string, string> CommandEnvironment => PostgresConnectionString is null
        ? new() { ["Storage__DataFolder"] = DataFolder }
        : new()
        {
            ["Storage__DataFolder"] = DataFolder,
            ["Storage__DatabaseProvider"] = "Postgres",
            ["ConnectionStrings__NewsPortal"] = PostgresConnectionString,
        };

    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), $"newsportal-test-{Guid.NewGuid():N}");

    /// <summary>The SQLite file of this factory, in <see cref="DataFolder"/>.</summary>
    public string DatabasePath => Path.Combine(DataFolder, "newsportal.db");

    /// <summary>Configuration overrides, e.g. ["Site:PageSize"] = "3"; set before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        // Tests sign in many times from one address; the limit itself is tested with a low value.
        ["Security:LoginAttemptsPerMinute"] = "1000",
        ["Security:UploadsPerMinute"] = "1000",
        // Check sessions against the account on every request, so sign-out and disabling act at once.
        ["Security:SessionValidationInterval"] = "00:00:00",
    };

    public string Environment { get; set; } = "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(".", solutionName: "NewsPortal.sln");
        builder.UseEnvironment(Environment);
        builder.UseSetting("Storage:DataFolder", DataFolder);
        if (PostgresConnectionString is not null)
        {
            builder.UseSetting("Storage:DatabaseProvider", "Postgres");
            builder.UseSetting("ConnectionStrings:NewsPortal", PostgresConnectionString);
        }
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    /// <summary>A client as a browser on HTTPS: keeps cookies (they are Secure), does not follow redirects.</summary>
    public HttpClient CreateBrowserLikeClient(CookieContainer? cookies = null) =>
        CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies ?? new CookieContainer()));

    /// <summary>Runs <paramref name="work"/> with services from a fresh scope, e.g. to arrange data.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> work) =>
        WithScopeAsync(async provider => { await work(provider); return true; });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (PostgresConnectionString is not null && !KeepDataFolder) TestDatabase.DropPostgresDatabase(PostgresConnectionString);
        if (_ownsDataFolder && !KeepDataFolder && Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }
}
