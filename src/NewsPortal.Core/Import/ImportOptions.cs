using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Core.Import;

/// <summary>The "Import" configuration section: limits that keep an upload from exhausting the server.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    [Range(1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    [Range(1, 1_000_000)]
    public int MaxZipEntries { get; set; } = 20_000;

    [Range(1024, long.MaxValue)]
    public long MaxZipUncompressedBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>Largest allowed uncompressed/compressed ratio of one zip entry (zip bombs compress far better).</summary>
    [Range(2, 10_000)]
    public int MaxZipCompressionRatio { get; set; } = 100;

    /// <summary>Folder for uploads waiting between dry run and apply, relative to Storage:DataFolder.</summary>
    [Required]
    public string UploadFolder { get; set; } = "imports";
}
