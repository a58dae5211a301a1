using System.Diagnostics;

namespace NewsPortal.Tests.Fixtures;

/// <summary>Runs the built portal as an operator would run a command, against a factory's database.</summary>
public static class PortalCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(NewsPortalFactory target, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, .. args])
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Storage__DataFolder"] = target.DataFolder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return (process.ExitCode, await output + await errors);
    }
}
