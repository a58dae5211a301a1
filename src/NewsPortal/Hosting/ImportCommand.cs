using NewsPortal.Core.Export;
using NewsPortal.Core.Import;

namespace NewsPortal.Hosting;

/// <summary>
/// Bulk work from the command line:
///   import PATH [--dry-run]          a file, a zip or a folder of files; all or nothing
///   export FILE [--format json|markdown]
/// </summary>
public static class ImportCommand
{
    private const string CommandUser = "command line";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("Usage: import PATH [--dry-run]   (PATH: a file, a zip, or a folder)");
            return 2;
        }
        var path = Path.GetFullPath(args[1]);
        var dryRun = args.Contains("--dry-run");
        IReadOnlyList<ImportSource> sources = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(FileSource).ToList()
            : File.Exists(path) ? [FileSource(path)] : [];
        if (sources.Count == 0)
        {
            Console.Error.WriteLine($"Nothing to import at {path}.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<NewsImporter>();
        var progress = new Progress<int>(count => { if (count % 1000 == 0) Console.Error.Write($"\r{count:N0} records read…"); });
        var report = await importer.RunAsync(sources, dryRun, CommandUser, progress, ct: app.Lifetime.ApplicationStopping);
        Console.Error.WriteLine();

        foreach (var error in report.ErrorMessages) Console.WriteLine($"error: {error}");
        var verdict = report.Errors > 0 ? "nothing was imported" : dryRun ? "dry run: nothing was written" : $"applied as batch {report.BatchId}";
        Console.WriteLine($"{report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Errors} errors, {report.Warnings} warnings; {verdict}.");
        return report.Errors > 0 ? 1 : 0;
    }

    public static async Task<int> ExportAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("Usage: export FILE [--format json|markdown]");
            return 2;
        }
        var markdown = CommandLine.ValueOf(args, "--format") == "markdown";
        await using var scope = app.Services.CreateAsyncScope();
        var exporter = scope.ServiceProvider.GetRequiredService<NewsExporter>();
        await using (var file = File.Create(args[1]))
        {
            if (markdown) await exporter.WriteMarkdownZipAsync(file, new ExportSelection());
            else await exporter.WriteJsonAsync(file, new ExportSelection());
        }
        Console.WriteLine($"Exported to {Path.GetFullPath(args[1])}.");
        return 0;
    }

    private static ImportSource FileSource(string path) => new(Path.GetFileName(path), new FileInfo(path).Length, () => File.OpenRead(path));
}
