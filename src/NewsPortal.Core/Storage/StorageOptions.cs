using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Core.Storage;

/// <summary>The "Storage" configuration section: the one folder that holds every piece of state.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Sqlite (one instance, the database in the data folder) or Postgres (several instances on one server; the
    /// connection string then names the server, and the data folder holds only the photos, on a shared mount).
    /// </summary>
    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Database file, photos and pending imports live here (relative to the content root unless absolute).
    /// Relative paths in the connection string, Media:Folder and Import:UploadFolder are taken from it.
    /// </summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// True for a developer's checkout; false in the container, where a missing /data means the volume was
    /// not mounted and creating it would put the database in the throw-away container layer.
    /// </summary>
    public bool CreateDataFolder { get; set; } = true;

    /// <summary>
    /// Refuse to start unless the data folder is a mount point of its own. The container sets it: its image has a
    /// /data folder (so that a new named volume gets the portal's user as owner), and without -v the database would be
    /// written into the container's own layer and be gone with the next image.
    /// </summary>
    public bool RequireMountedDataFolder { get; set; }

    /// <summary>How long a write waits for SQLite's single write lock before the editor is told "busy, nothing saved".</summary>
    [Range(1, 300)]
    public int BusyTimeoutSeconds { get; set; } = 10;

    /// <summary>How often the write-ahead log is folded back and truncated, so endless readers cannot grow it without bound.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
