using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsPortal.Core.Media;

namespace NewsPortal.Core.Storage;

/// <summary>What a backup holds, written into it as backup.json.</summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedUtc, string? LastMigration, long Items, int Photos);

/// <summary>
/// Backups of everything a restore needs (the database, with its sign-in keys, and the photos) in one zip, taken while
/// the site runs. The database copy is made with VACUUM INTO: one read transaction, so it is a consistent snapshot of
/// committed data, and under WAL it never blocks editors (the backup API in Microsoft.Data.Sqlite holds the writers off
/// for the whole copy). A plain `cp` of the file could miss the -wal file or copy a torn page.
/// </summary>
public sealed class SqliteBackup(SqliteDatabaseFile database, string mediaFolder, TimeProvider clock)
{
    public const string DatabaseEntry = "newsportal.db";
    public const string ManifestEntry = "backup.json";
    private const string MediaPrefix = "media/";
    private const int FormatVersion = 1;

    // The backup holds password hashes and the sign-in keys: readable by its owner only.
    private static readonly FileStreamOptions BackupFileOptions = OperatingSystem.IsWindows()
        ? new() { Mode = FileMode.Create, Access = FileAccess.Write }
        : new() { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };

    /// <summary>Writes the backup to <paramref name="destination"/>; the file appears only when complete.</summary>
    public async Task<BackupManifest> CreateAsync(string destination, CancellationToken cancellationToken = default)
    {
        destination = Path.GetFullPath(destination);
        var folder = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(folder);
        var snapshot = Path.Combine(folder, $".newsportal-snapshot-{Guid.NewGuid():N}.db");
        var partial = destination + ".part";
        try
        {
            await SnapshotAsync(snapshot, cancellationToken);
            var manifest = Describe(snapshot);
            await using (var file = new FileStream(partial, BackupFileOptions))
            {
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                    await zip.CreateEntryFromFileAsync(snapshot, DatabaseEntry, CompressionLevel.Fastest, cancellationToken);
                    var photos = 0;
                    if (Directory.Exists(mediaFolder))
                        foreach (var photo in Directory.EnumerateFiles(mediaFolder).Where(p => MediaStore.IsGeneratedName(Path.GetFileName(p))))
                        {
                            // Photos are already compressed; storing them saves time and gains nothing.
                            await zip.CreateEntryFromFileAsync(photo, MediaPrefix + Path.GetFileName(photo), CompressionLevel.NoCompression, cancellationToken);
                            photos++;
                        }
                    manifest = manifest with { Photos = photos };
                    await using var manifestStream = await zip.CreateEntry(ManifestEntry).OpenAsync(cancellationToken);
                    await JsonSerializer.SerializeAsync(manifestStream, manifest, cancellationToken: cancellationToken);
                }
                file.Flush(flushToDisk: true);
            }
            File.Move(partial, destination, overwrite: true);
            return manifest;
        }
        finally
        {
            File.Delete(snapshot);
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Replaces the database and adds the photos from a backup. The portal must be stopped (the caller holds the
    /// single-instance lock). The current files are moved aside, never deleted, so a mistaken restore can be undone.
    /// </summary>
    /// <param name="knownMigrations">The migrations this build knows; a backup from a newer build is refused.</param>
    public async Task<RestoreResult> RestoreAsync(string backupZip, IReadOnlyCollection<string> knownMigrations, CancellationToken cancellationToken = default)
    {
        var dataFolder = Path.GetDirectoryName(database.Path)!;
        var incoming = Path.Combine(dataFolder, $".restore-{Guid.NewGuid():N}.db");
        try
        {
            using var zip = await OpenBackupAsync(backupZip, cancellationToken);
            var entry = zip.GetEntry(DatabaseEntry) ?? throw new StorageException($"{backupZip} holds no {DatabaseEntry}: it is not a NewsPortal backup.");
            await entry.ExtractToFileAsync(incoming, overwrite: false, cancellationToken);

            var integrity = SqliteDatabaseFile.IntegrityCheck(incoming);
            if (integrity != "ok")
                throw new StorageException($"The database in {backupZip} is damaged (integrity check: {integrity}); nothing was restored.");
            var manifest = Describe(incoming);
            if (manifest.LastMigration is { } last && !knownMigrations.Contains(last))
                throw new StorageException($"The backup was made by a newer NewsPortal (its database is at migration {last}); " +
                    "restore it with that version or later. Nothing was restored.");

            var photoEntries = zip.Entries.Where(e => e.FullName.StartsWith(MediaPrefix, StringComparison.Ordinal)).ToList();
            var unexpected = photoEntries.FirstOrDefault(e => !MediaStore.IsGeneratedName(e.FullName[MediaPrefix.Length..]));
            if (unexpected is not null)
                throw new StorageException($"The backup holds an unexpected file {unexpected.FullName}; nothing was restored.");

            // Pooled connections would keep the old file open under its new name.
            SqliteConnection.ClearAllPools();
            string? setAside = null;
            if (database.Exists)
            {
                setAside = Path.Combine(dataFolder, "before-restore-" + clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(setAside);
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                    if (File.Exists(database.Path + suffix))
                        File.Move(database.Path + suffix, Path.Combine(setAside, Path.GetFileName(database.Path) + suffix));
            }
            File.Move(incoming, database.Path);

            Directory.CreateDirectory(mediaFolder);
            foreach (var photo in photoEntries)
                await photo.ExtractToFileAsync(Path.Combine(mediaFolder, photo.FullName[MediaPrefix.Length..]), overwrite: true, cancellationToken);
            // Photos from an older backup may still carry metadata: the next start looks at every photo again.
            File.Delete(Path.Combine(mediaFolder, StoredPhotoCleaner.MarkerName));
            return new RestoreResult(manifest with { Photos = photoEntries.Count }, setAside);
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    private async Task SnapshotAsync(string snapshot, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", snapshot);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private BackupManifest Describe(string databasePath)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        return new BackupManifest(FormatVersion, clock.GetUtcNow(),
            Scalar(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1") as string,
            Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM NewsItems") ?? 0L, CultureInfo.InvariantCulture),
            Photos: 0);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try { return command.ExecuteScalar(); }
        catch (SqliteException e) when (e.SqliteErrorCode == 1) { return null; } // no such table: not a NewsPortal database
    }

    private static async Task<ZipArchive> OpenBackupAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new StorageException($"There is no backup at {Path.GetFullPath(path)}.");
        try { return await ZipArchive.CreateAsync(File.OpenRead(path), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken); }
        catch (InvalidDataException e) { throw new StorageException($"{path} is not a zip file: {e.Message}", e); }
    }
}

/// <summary>The restored backup and where the replaced database was set aside (null when there was none).</summary>
public sealed record RestoreResult(BackupManifest Backup, string? SetAsideFolder);
