using Microsoft.Data.Sqlite;
using NewsPortal.Core.Storage;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Reliability;

/// <summary>
/// REL-06, REL-10, REL-13: problems an operator must fix stop the start at once, with a message that names the path
/// and the way out, instead of hanging or quietly starting an empty site. The real app is started as a process.
/// </summary>
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class StartupChecksTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static readonly Dictionary<string, string> InContainer = new() { ["Storage__CreateDataFolder"] = "false" };

    [Fact]
    public async Task REL_10_a_missing_data_volume_stops_the_start_and_names_the_folder()
    {
        var missing = NewsPortalFactory.NewDataFolder();

        var (exitCode, output) = await PortalCommand.RunAsync(missing, InContainer);

        Assert.Equal(1, exitCode);
        Assert.Contains($"The data folder {missing} does not exist", output);
        Assert.False(Directory.Exists(missing), "The portal created the folder it was told not to create.");
    }

    [Theory]
    [InlineData("Proxy__KnownProxies__0", "nginx", "Proxy:KnownProxies:0 is ", "not an IP address")]
    [InlineData("Proxy__KnownNetworks__0", "10.0.0.0/33", "Proxy:KnownNetworks:0 is ", "not a network in CIDR form")]
    public async Task A_proxy_setting_that_is_not_an_address_stops_the_start_and_names_the_key(string key, string value, string names, string why)
    {
        var folder = NewsPortalFactory.NewDataFolder();

        var (exitCode, output) = await PortalCommand.RunAsync(folder, new() { [key] = value });

        // One log line (JSON, so the quotes around the value are escaped), no stack trace.
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("Cannot start: " + names));
        Assert.Contains(value, line);
        Assert.Contains(why, line);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task REL_10_a_data_folder_that_is_a_file_stops_the_start()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exitCode, output) = await PortalCommand.RunAsync(file, InContainer);

            Assert.Equal(1, exitCode);
            Assert.Contains($"The data folder {file} is a file, not a folder", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact, System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task REL_10_a_read_only_data_volume_stops_the_start_and_names_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("newsportal-readonly-").FullName;
        // Root writes through permission bits, so as root the folder becomes a read-only mount, as a volume mounted
        // with :ro would be; anyone else gets a folder without write permission.
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", folder);
        else File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var (exitCode, output) = await PortalCommand.RunAsync(folder, InContainer);

            Assert.Equal(1, exitCode);
            Assert.Contains($"The data folder {folder} is not writable", output);
            Assert.Contains("mount the volume read-write", output);
        }
        finally
        {
            if (asRoot) await RunAsync("umount", folder);
            else File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(folder);
        }
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed: {errors}");
    }

    [Fact]
    public async Task REL_13_a_second_portal_on_the_same_data_folder_is_refused()
    {
        _ = factory.Server; // the first portal, serving from its data folder

        var (exitCode, output) = await PortalCommand.RunAsync(factory.DataFolder, []);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Another NewsPortal instance is already serving from {factory.DataFolder}", output);
        Assert.Contains("use PostgreSQL", output);
        using var client = factory.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task REL_10_in_the_container_a_data_folder_that_is_not_a_mounted_volume_stops_the_start()
    {
        // The image has a /data folder of its own, so only "is it a mount?" tells that -v was forgotten.
        var unmounted = NewsPortalFactory.NewDataFolder();
        Directory.CreateDirectory(unmounted);

        var (exitCode, output) = await PortalCommand.RunAsync(unmounted, new(InContainer) { ["Storage__RequireMountedDataFolder"] = "true" });

        Assert.Equal(1, exitCode);
        Assert.Contains($"The data folder {unmounted} is not a mounted volume", output);
        Assert.Empty(Directory.GetFileSystemEntries(unmounted));
    }

    private const string SampleMountInfo = """
        22 1 0:21 / / rw,relatime shared:1 - overlay overlay rw,lowerdir=/l,upperdir=/u,workdir=/w
        23 22 0:5 / /proc rw,nosuid,nodev,noexec,relatime shared:2 - proc proc rw
        631 22 254:1 /var/lib/docker/volumes/newsportal-data/_data /data rw,relatime - ext4 /dev/vda1 rw
        632 22 254:1 /srv/my\040photos /srv/my\040photos rw,relatime - ext4 /dev/vda1 rw
        """;

    [Theory]
    [InlineData("/data", true)]
    [InlineData("/data/", true)]
    [InlineData("/", true)]
    [InlineData("/srv/my photos", true)]
    [InlineData("/data/inner", false)]
    [InlineData("/dat", false)]
    [InlineData("/app/data", false)]
    public void REL_10_a_mount_point_is_read_from_the_mount_table(string path, bool mounted) =>
        Assert.Equal(mounted, DataFolder.IsMountPoint(path, SampleMountInfo));

    [Fact, System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void REL_10_the_mount_table_of_this_machine_has_the_root_and_not_a_new_folder()
    {
        var mountInfo = File.ReadAllText("/proc/self/mountinfo");

        Assert.True(DataFolder.IsMountPoint("/", mountInfo));
        Assert.False(DataFolder.IsMountPoint(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), mountInfo));
    }

    [Theory]
    [InlineData("nfs4", true)]
    [InlineData("cifs", true)]
    [InlineData("fuse.sshfs", true)]
    [InlineData("ext4", false)]
    [InlineData("overlay", false)]
    [InlineData("tmpfs", false)]
    public void REL_13_network_file_systems_are_recognised(string driveFormat, bool network) =>
        Assert.Equal(network, DataFolder.IsNetworkFileSystem(driveFormat));

    [Fact]
    public async Task REL_06_a_migration_lock_left_by_a_killed_start_stops_the_next_start_until_released()
    {
        _ = factory.Server;
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" VALUES (1, '2026-11-29 03:14:00+00:00');
                """;
            await command.ExecuteNonQueryAsync();
        }
        var export = Path.Combine(factory.DataFolder, "export.json");

        var blocked = await PortalCommand.RunAsync(factory, [], "export", export);
        var unlocked = await PortalCommand.RunAsync(factory, [], "unlock-migrations");
        var again = await PortalCommand.RunAsync(factory, [], "export", export);

        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("carries a migration lock taken at 2026-11-29 03:14:00+00:00", blocked.Output);
        Assert.Contains("unlock-migrations", blocked.Output);
        Assert.True(unlocked.ExitCode == 0, unlocked.Output);
        Assert.Contains("Released the left-over migration lock", unlocked.Output);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.True(File.Exists(export));
    }

    [Fact]
    public async Task REL_21_a_database_migrated_by_a_newer_version_stops_the_start_and_says_so()
    {
        _ = factory.Server;
        var export = Path.Combine(factory.DataFolder, "never.json");
        await ExecuteAsync("""INSERT INTO "__EFMigrationsHistory" VALUES ('29991231000000_FromANewerVersion', '99.0.0');""");
        try
        {
            var (exitCode, output) = await PortalCommand.RunAsync(factory, [], "export", export);

            Assert.Equal(1, exitCode);
            Assert.Contains("The database was migrated by a newer version of NewsPortal (29991231000000_FromANewerVersion)", output);
            Assert.False(File.Exists(export));
        }
        finally
        {
            await ExecuteAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '29991231000000_FromANewerVersion';""");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
