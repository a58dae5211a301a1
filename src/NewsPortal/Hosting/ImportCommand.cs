using NewsPortal.Core.Export;
using NewsPortal.Core.Import;

namespace NewsPortal.Hosting;

/// <summary>
/// Bulk work from the command line:
///   import PATH [--dry-run] [--replace-site-edits]   a file, a zip or a folder of files; all or nothing
///   export FILE [--format json|markdown]
/// </summary>
public static class ImportCommand
{
    private const string CommandUser = "command line";

    public static async Task<int> RunAsync(WebApplication app, string[] args, CancellationToken ct)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("Usage: import PATH [--dry-run] [--replace-site-edits]   (PATH: a file, a zip, or a folder)");
            return 2;
        }
        var path = Path.GetFullPath(args[1]);
        var dryRun = args.Contains("--dry-run");
        var existing = args.Contains("--replace-site-edits") ? ExistingItems.Update : ExistingItems.UpdateUnlessEditedOnSite;
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
        var bar = new ProgressBar(sources.Sum(s => s.Length));
        var counted = sources.Select(s => s with { Open = () => new CountingStream(s.Open(), bar.AddBytes) }).ToList();
        var report = await importer.RunAsync(counted, dryRun, CommandUser, new Progress<int>(bar.SetRecords), existing, ct);
        bar.Finish();

        foreach (var error in report.ErrorMessages) Console.WriteLine($"error: {error}");
        var verdict = report.Errors > 0 ? "nothing was imported" : dryRun ? "dry run: nothing was written" : $"applied as batch {report.BatchId}";
        Console.WriteLine($"{report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Errors} errors, {report.Warnings} warnings; {verdict}.");
        if (report.SiteEdits > 0)
            Console.WriteLine(existing == ExistingItems.Update
                ? $"{report.SiteEdits} of the updated items had been edited on the site since their last import; those versions stay in their history."
                : $"{report.SiteEdits} items edited on the site since their last import were left as they are; add --replace-site-edits to replace them.");
        return report.Errors > 0 ? 1 : 0;
    }

    public static async Task<int> ExportAsync(WebApplication app, string[] args, CancellationToken ct)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("Usage: export FILE [--format json|markdown]");
            return 2;
        }
        var markdown = CommandLine.ValueOf(args, "--format") == "markdown";
        await using var scope = app.Services.CreateAsyncScope();
        var exporter = scope.ServiceProvider.GetRequiredService<NewsExporter>();
        // Written beside the target and renamed when complete, so a stopped export leaves no half file behind.
        var target = Path.GetFullPath(args[1]);
        var partial = target + ".part";
        try
        {
            await using (var file = File.Create(partial))
            {
                if (markdown) await exporter.WriteMarkdownZipAsync(file, new ExportSelection(), ct);
                else await exporter.WriteJsonAsync(file, new ExportSelection(), ct);
            }
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        Console.WriteLine($"Exported to {Path.GetFullPath(args[1])}.");
        return 0;
    }

    /// <summary>
    /// One line on standard error: how much of the input has been read (each file is read twice, once to check it,
    /// once to import it) and how many records so far.
    /// </summary>
    private sealed class ProgressBar(long totalBytes)
    {
        private const int Width = 30;
        private long _bytes;
        private int _records;
        private long _lastDrawn = Environment.TickCount64;

        public void AddBytes(long bytes) { _bytes += bytes; Draw(force: false); }
        public void SetRecords(int records) { _records = records; Draw(force: false); }
        public void Finish() { Draw(force: true); Console.Error.WriteLine(); }

        private void Draw(bool force)
        {
            if (!force && Environment.TickCount64 - _lastDrawn < 250) return;
            _lastDrawn = Environment.TickCount64;
            var fraction = force ? 1.0 : Math.Min(1.0, _bytes / Math.Max(1.0, 2.0 * totalBytes));
            var filled = (int)(fraction * Width);
            Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0}  {_records:N0} records");
        }
    }

    private sealed class CountingStream(Stream inner, Action<long> onRead) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Counted(await inner.ReadAsync(buffer, ct));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }

        private int Counted(int read) { onRead(read); return read; }
    }

    private static ImportSource FileSource(string path) => new(Path.GetFileName(path), new FileInfo(path).Length, () => File.OpenRead(path));
}
