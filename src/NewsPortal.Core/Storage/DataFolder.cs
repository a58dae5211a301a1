namespace NewsPortal.Core.Storage;

/// <summary>
/// The folder that holds all state, checked before anything is written: it must exist (or be ours to create),
/// be writable, and be on a local file system, because SQLite's locking does not work over network shares.
/// </summary>
public sealed class DataFolder
{
    private const string InstanceLockFileName = "newsportal.lock";

    /// <summary>File systems on which SQLite's locks and WAL shared memory are unreliable (SQLite's "howtocorrupt").</summary>
    private static readonly HashSet<string> NetworkFileSystems = new(StringComparer.OrdinalIgnoreCase)
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "ncpfs", "9p", "fuse.sshfs", "fuse.s3fs",
        "fuse.gcsfuse", "fuse.rclone", "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph", "lustre", "gpfs", "davfs",
    };

    public DataFolder(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }

    /// <summary>A path under the data folder unless <paramref name="configured"/> is already absolute.</summary>
    public string Resolve(string configured) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, configured));

    /// <summary>Fails with a message naming the folder and the fix when the folder cannot hold the portal's state.</summary>
    /// <param name="refuseNetworkFileSystem">True when the SQLite database lives here.</param>
    /// <param name="requireMount">True in the container: the folder must be a mounted volume (see <see cref="StorageOptions.RequireMountedDataFolder"/>).</param>
    public void EnsureUsable(bool create, bool refuseNetworkFileSystem = true, bool requireMount = false)
    {
        if (File.Exists(Path))
            throw new StorageException($"The data folder {Path} is a file, not a folder. Point Storage:DataFolder at a folder.");
        if (!Directory.Exists(Path))
        {
            if (!create)
                throw new StorageException($"The data folder {Path} does not exist. Mount the data volume there " +
                    "(docker run -v newsportal-data:/data) or point Storage:DataFolder at an existing folder; " +
                    "the portal will not create it, so the database never ends up inside a throw-away container layer.");
            try { Directory.CreateDirectory(Path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StorageException($"The data folder {Path} does not exist and cannot be created: {e.Message}", e);
            }
        }

        if (requireMount) RefuseUnmounted();
        ProbeWrite();
        if (refuseNetworkFileSystem) RefuseNetworkFileSystem();
    }

    /// <summary>
    /// Held for as long as the site serves. A second portal on the same folder would be a second SQLite writer whose
    /// caches go stale behind the first one's back; commands (import, backup) may run beside the site and do not take it.
    /// </summary>
    public IDisposable LockForSingleInstance()
    {
        var lockPath = System.IO.Path.Combine(Path, InstanceLockFileName);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix, released by the kernel if the process dies.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StorageException($"Another NewsPortal instance is already serving from {Path} (it holds {InstanceLockFileName}). " +
                "SQLite supports one instance per database; to run several, use PostgreSQL (see \"Scaling out\" in the README).", e);
        }
    }

    private void ProbeWrite()
    {
        var probe = System.IO.Path.Combine(Path, $".write-probe-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
                stream.WriteByte(1);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"The data folder {Path} is not writable ({e.Message}). SQLite writes the database " +
                "and its -wal and -shm files beside it: mount the volume read-write and give the portal's user " +
                $"(uid {Environment.GetEnvironmentVariable("APP_UID") ?? "of this process"}) ownership of it.", e);
        }
    }

    private void RefuseNetworkFileSystem()
    {
        string format;
        try { format = new DriveInfo(Path).DriveFormat; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { return; }
        if (IsNetworkFileSystem(format))
            throw new StorageException($"The data folder {Path} is on a network file system ({format}). SQLite's locking " +
                "is unreliable there and the database would be corrupted; keep the data folder on a local disk, or use PostgreSQL.");
    }

    public static bool IsNetworkFileSystem(string driveFormat) => NetworkFileSystems.Contains(driveFormat);

    private void RefuseUnmounted()
    {
        string mountInfo;
        // Only Linux lists its mounts here; elsewhere there is no way to tell, and no container to lose.
        try { mountInfo = File.ReadAllText("/proc/self/mountinfo"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        if (!IsMountPoint(Path, mountInfo))
            throw new StorageException($"The data folder {Path} is not a mounted volume: the database would be written into " +
                "the container itself and lost with it. Mount a volume there (docker run -v newsportal-data:/data), or set " +
                "Storage__RequireMountedDataFolder=false to accept that.");
    }

    /// <summary>True when <paramref name="path"/> is the mount point of a line of /proc/self/mountinfo.</summary>
    public static bool IsMountPoint(string path, string mountInfo)
    {
        var wanted = path.Length > 1 ? path.TrimEnd('/') : path;
        // The fifth field is the mount point, with space, tab, newline and backslash written as octal escapes (\040...).
        return mountInfo.Split('\n').Select(line => line.Split(' ')).Any(fields => fields.Length > 4 &&
            System.Text.RegularExpressions.Regex.Replace(fields[4], @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString()) == wanted);
    }
}
