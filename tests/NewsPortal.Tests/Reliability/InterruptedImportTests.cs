using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using NewsPortal.Core.Storage;
using NewsPortal.Tests.Fixtures;
using NewsPortal.Tests.Importing;

namespace NewsPortal.Tests.Reliability;

/// <summary>
/// REL-04, REL-20: an import stopped half-way, by kill -9 or by a shutdown signal, leaves no part of itself behind,
/// and running it again imports everything exactly once.
/// </summary>
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed partial class InterruptedImportTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>, IDisposable
{
    private const int ItemCount = 10_000;
    private readonly string _folder = Directory.CreateTempSubdirectory("newsportal-interrupted-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task REL_04_kill_9_in_the_middle_of_a_large_import_leaves_a_sound_database_without_any_of_it()
    {
        var file = await WriteLargeImportAsync("killed");
        var before = await ImportHarness.ContentStateAsync(factory);

        var (interrupted, output) = await InterruptAsync(file, process => process.Kill(entireProcessTree: true));
        var integrity = SqliteDatabaseFile.IntegrityCheck(factory.DatabasePath);
        var afterKill = await ImportHarness.ContentStateAsync(factory);
        var rerun = await PortalCommand.RunAsync(factory, [], "import", file);
        var third = await PortalCommand.RunAsync(factory, [], "import", file);

        Assert.True(interrupted, output);
        Assert.Equal("ok", integrity);
        Assert.Equal(before, afterKill);
        Assert.True(rerun.ExitCode == 0, rerun.Output);
        Assert.Contains($"{ItemCount} created, 0 updated", rerun.Output);
        Assert.Contains($"0 created, 0 updated, {ItemCount} unchanged", third.Output);
    }

    [Fact]
    public async Task REL_20_a_shutdown_signal_during_an_import_rolls_it_back_and_says_so()
    {
        var file = await WriteLargeImportAsync("stopped");
        var before = await ImportHarness.ContentStateAsync(factory);

        var (interrupted, output) = await InterruptAsync(file, process => Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit());

        Assert.True(interrupted, output);
        Assert.Contains("import stopped before it finished: nothing was changed.", output);
        Assert.Equal(before, await ImportHarness.ContentStateAsync(factory));
    }

    /// <summary>Starts `import FILE`, waits until half of it has gone through, then interrupts it.</summary>
    /// <returns>Whether the import was interrupted (not finished first), and everything it printed.</returns>
    private async Task<(bool Interrupted, string Output)> InterruptAsync(string file, Action<Process> interrupt)
    {
        _ = factory.Server;
        using var process = PortalCommand.Start(factory.DataFolder, [], "import", file);
        var output = new StringBuilder();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        // The progress line ends in "\r", not a newline: read characters as they come.
        var buffer = new char[256];
        var halfway = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!halfway && await process.StandardError.ReadAsync(buffer, timeout.Token) is var read and > 0)
        {
            output.Append(buffer, 0, read);
            halfway = RecordCounts().Matches(output.ToString()).Select(m => int.Parse(m.Groups[1].Value.Replace(",", ""))).DefaultIfEmpty().Max() >= ItemCount / 2;
        }
        if (halfway) interrupt(process);
        await process.WaitForExitAsync(timeout.Token);
        output.Append(await process.StandardError.ReadToEndAsync()).Append(await standardOutput);
        var text = output.ToString();
        return (halfway && process.ExitCode != 0 && !text.Contains("applied as batch"), text);
    }

    private async Task<string> WriteLargeImportAsync(string name)
    {
        var path = Path.Combine(_folder, $"{name}.json");
        await using var writer = new StreamWriter(path);
        await writer.WriteAsync('[');
        for (var n = 1; n <= ItemCount; n++)
        {
            if (n > 1) await writer.WriteAsync(',');
            await writer.WriteAsync(ImportHarness.JsonItem($"{name} item {n}", extra: $", \"summary\": \"Generated item {n} of a large test import.\""));
        }
        await writer.WriteAsync(']');
        return path;
    }

    [GeneratedRegex(@"([\d,]+) records")]
    private static partial Regex RecordCounts();
}
