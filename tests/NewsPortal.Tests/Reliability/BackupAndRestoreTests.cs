using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Accounts;
using NewsPortal.Core.Data;
using NewsPortal.Core.Import;
using NewsPortal.Core.Media;
using NewsPortal.Core.Storage;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;
using NewsPortal.Tests.Importing;

namespace NewsPortal.Tests.Reliability;

/// <summary>REL-12: a backup taken while the site runs (even mid-import) holds exactly what was committed, and restores.</summary>
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class BackupAndRestoreTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsportal-backup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task REL_12_a_backup_taken_during_an_import_restores_to_exactly_the_committed_state()
    {
        var photo = await SavePhotoAsync();
        var item = await new NewsItemBuilder().WithPhoto(photo).SaveAsync(factory.Services);
        var committed = await ItemCountAsync(factory);
        var zip = Path.Combine(_folder, "during-import.zip");

        var halfway = new Halfway(1_500);
        // On the thread pool: the import blocks its thread while held, which must not be one of xunit's few.
        var import = Task.Run(() => factory.WithScopeAsync(services => services.GetRequiredService<NewsImporter>().RunAsync(
            [ImportHarness.File("during-backup.json", $"[{string.Join(",", Enumerable.Range(1, 2_000).Select(n => ImportHarness.JsonItem($"Imported during a backup {n}")))}]")],
            dryRun: false, "backup test", halfway)));
        await halfway.Reached.WaitAsync(TimeSpan.FromMinutes(1));
        var manifest = await factory.Services.GetRequiredService<SqliteBackup>().CreateAsync(zip);
        halfway.Resume();
        var imported = await import;

        var restoredFolder = Path.Combine(_folder, "restored");
        var restore = await PortalCommand.RunAsync(restoredFolder, [], "restore", zip);
        await using var restored = NewsPortalFactory.StartingOn(restoredFolder);
        using var reader = restored.CreateClient();
        var itemPage = await reader.GetAsync($"/news/{item.Slug}");
        var photoResponse = await reader.GetAsync($"/media/{photo}");

        Assert.True(imported.Applied);
        Assert.Equal(committed, manifest.Items);
        Assert.Equal(1, manifest.Photos);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Contains($"Restored {committed} items and 1 photos", restore.Output);
        Assert.Equal("ok", SqliteDatabaseFile.IntegrityCheck(restored.DatabasePath));
        Assert.Equal(committed, await ItemCountAsync(restored));
        Assert.Equal(HttpStatusCode.OK, itemPage.StatusCode);
        Assert.Equal(TestImages.TinyPng, await photoResponse.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_backup_command_works_while_the_site_runs_and_restore_waits_until_it_is_stopped()
    {
        _ = factory.Server;
        var zip = Path.Combine(_folder, "command.zip");
        var before = await ImportHarness.ContentStateAsync(factory);

        var backup = await PortalCommand.RunAsync(factory, [], "backup", zip);
        var restore = await PortalCommand.RunAsync(factory, [], "restore", zip);

        Assert.True(backup.ExitCode == 0, backup.Output);
        using (var archive = ZipFile.OpenRead(zip))
        {
            Assert.Contains(SqliteBackup.DatabaseEntry, archive.Entries.Select(e => e.FullName));
            Assert.Contains(SqliteBackup.ManifestEntry, archive.Entries.Select(e => e.FullName));
        }
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(zip));
        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("Stop the portal before restoring", restore.Output);
        Assert.Equal(before, await ImportHarness.ContentStateAsync(factory));
    }

    [Fact]
    public async Task Restoring_something_that_is_not_a_backup_changes_nothing()
    {
        var target = NewsPortalFactory.NewDataFolder();
        var notAZip = Path.Combine(_folder, "notes.zip");
        await File.WriteAllTextAsync(notAZip, "not a zip");
        var noDatabase = Path.Combine(_folder, "photos-only.zip");
        await File.WriteAllBytesAsync(noDatabase, ImportHarness.Zip(("readme.txt", "hello"u8.ToArray())));
        try
        {
            var first = await PortalCommand.RunAsync(target, [], "restore", notAZip);
            var second = await PortalCommand.RunAsync(target, [], "restore", noDatabase);

            Assert.Equal(1, first.ExitCode);
            Assert.Contains("is not a zip file", first.Output);
            Assert.Equal(1, second.ExitCode);
            Assert.Contains("holds no newsportal.db: it is not a NewsPortal backup", second.Output);
            Assert.False(File.Exists(Path.Combine(target, "newsportal.db")));
        }
        finally
        {
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        }
    }

    [Fact]
    public async Task An_admin_downloads_a_backup_and_an_editor_cannot()
    {
        var admin = await EditorSession.SignInAsync(factory, PortalRoles.Admin);
        var editor = await EditorSession.SignInAsync(factory);

        var download = await admin.SubmitAsync("/admin/backup", "/admin/backup", []);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var refused = await editor.Client.GetAsync("/admin/backup");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("newsportal-backup-", download.Content.Headers.ContentDisposition?.FileName);
        using var archive = new ZipArchive(new MemoryStream(bytes));
        Assert.NotNull(archive.GetEntry(SqliteBackup.DatabaseEntry));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("https://localhost/admin/access-denied", refused.Headers.Location!.ToString());
        var audit = await factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().AuditEvents
            .Where(e => e.Kind == NewsPortal.Core.Auditing.AuditEventKind.BackupDownloaded).Select(e => e.UserName).ToListAsync());
        Assert.Contains(admin.Email, audit);
    }

    [Fact]
    public async Task A_photo_restored_from_a_backup_made_before_metadata_removal_is_served_without_it()
    {
        // A portal of its own: the shared one's backups count their photos.
        await using var source = new NewsPortalFactory();
        var saved = await source.Services.GetRequiredService<MediaStore>().SaveAsync(new MemoryStream(TestImages.PlainJpeg));
        var photo = saved.FileName!;
        await new NewsItemBuilder().WithPhoto(photo).SaveAsync(source.Services);
        var zip = Path.Combine(_folder, "old.zip");
        await source.Services.GetRequiredService<SqliteBackup>().CreateAsync(zip);
        // As an older version stored it: with the camera's EXIF, GPS position included.
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            var entry = archive.Entries.Single(e => e.FullName.EndsWith(photo, StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            await using var replaced = archive.CreateEntry(name).Open();
            await replaced.WriteAsync(TestImages.FromACamera(TestImages.PlainJpeg, orientation: 1));
        }
        // A data folder whose photos were cleaned before the restore.
        var restoredFolder = Path.Combine(_folder, "restored");
        Directory.CreateDirectory(Path.Combine(restoredFolder, "media"));
        await using (var before = NewsPortalFactory.StartingOn(restoredFolder))
        {
            before.KeepDataFolder = true;
            before.CreateClient();
            await WaitForAsync(() => File.Exists(Path.Combine(restoredFolder, "media", StoredPhotoCleaner.MarkerName)));
        }

        var restore = await PortalCommand.RunAsync(restoredFolder, [], "restore", zip);
        await using var restored = NewsPortalFactory.StartingOn(restoredFolder);
        using var reader = restored.CreateClient();
        await WaitForAsync(() => File.Exists(Path.Combine(restoredFolder, "media", StoredPhotoCleaner.MarkerName)));

        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Equal(TestImages.PlainJpeg, await reader.GetByteArrayAsync($"/media/{photo}"));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited++)
        {
            if (waited == 100) throw new TimeoutException("The stored photos were not cleaned within 10 s of the start.");
            await Task.Delay(100);
        }
    }

    private async Task<string> SavePhotoAsync()
    {
        var saved = await factory.Services.GetRequiredService<MediaStore>().SaveAsync(new MemoryStream(TestImages.TinyPng));
        return saved.FileName ?? throw new InvalidOperationException(saved.Error);
    }

    private static Task<int> ItemCountAsync(NewsPortalFactory portal) =>
        portal.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.CountAsync());

    /// <summary>
    /// Holds the import once it has read <paramref name="records"/> records (most of them written, uncommitted, with the
    /// write lock held) until the test lets it go on.
    /// </summary>
    private sealed class Halfway(int records) : IProgress<int>
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _resume = new();
        public Task Reached => _reached.Task;

        public void Resume() => _resume.Set();

        public void Report(int value)
        {
            if (value < records || !_reached.TrySetResult()) return;
            _resume.Wait(TimeSpan.FromMinutes(1));
        }
    }
}
