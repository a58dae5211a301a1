namespace NewsPortal.Core.News;

/// <summary>
/// The item's photo. Archived text dumps carry only the caption and credit, so the image file is optional.
/// </summary>
public sealed class NewsPhoto
{
    public string? FileName { get; set; }
    public string? AltText { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }

    public bool IsEmpty =>
        string.IsNullOrEmpty(FileName) && string.IsNullOrEmpty(Caption) && string.IsNullOrEmpty(Credit);
}
