using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Core.Media;

/// <summary>The "Media" configuration section: where uploaded photos live and how large they may be.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Folder for uploaded photos, relative to Storage:DataFolder unless absolute.</summary>
    [Required]
    public string Folder { get; set; } = "media";

    [Range(1024, 50 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 5 * 1024 * 1024;

    [Range(16, 20000)]
    public int MaxPixelsPerSide { get; set; } = 8000;
}
