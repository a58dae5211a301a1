using System.Diagnostics;

namespace NewsPortal.Tests.Fixtures;

/// <summary>Runs the built portal as an operator would run a command, against a factory's database.</summary>
public static class PortalCommand
{
    public static Task<(int ExitCode, string Output)> RunAsync(NewsPortalFactory target, Dictionary<string, string> environment, params string[] args) =>
        RunAsync(target.DataFolder, new Dictionary<string, string>(target.CommandEnvironment.Concat(environment)), args);

    /// <summary>Runs the portal (a command, or the web server when <paramref name="args"/> is empty) on a data folder.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataFolder, Dictionary<string, string> environment, params string[] args)
    {
        using var process = Start(dataFolder, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', args)}` did not finish within 2 minutes: {await output}{await errors}");
        }
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Starts the portal without waiting; the caller reads its output and ends it.</summary>
    public static Process Start(string dataFolder, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, .. args])
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Storage__DataFolder"] = dataFolder;
        // Never the developer's port 5000: a web server started here listens on a free loopback port.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return Process.Start(start)!;
    }
}
