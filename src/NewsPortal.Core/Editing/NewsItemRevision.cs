namespace NewsPortal.Core.Editing;

/// <summary>A full snapshot of an item's content after one save.</summary>
public sealed class NewsItemRevision
{
    public long Id { get; set; }
    public int NewsItemId { get; set; }
    public int Number { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }

    /// <summary>What happened: "Created", "Edited", "Restored revision 2", "Imported"...</summary>
    public string Reason { get; set; } = "";

    /// <summary><see cref="NewsItemContent"/> as JSON.</summary>
    public string Snapshot { get; set; } = "";
}
