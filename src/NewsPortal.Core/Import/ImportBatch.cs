namespace NewsPortal.Core.Import;

/// <summary>One applied import: who, when, what, and what it did. Imported items point to it.</summary>
public sealed class ImportBatch
{
    public int Id { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public string? UserName { get; set; }

    /// <summary>The uploaded file name(s), for the report and the provenance.</summary>
    public string Source { get; set; } = "";

    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
}
