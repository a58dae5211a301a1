namespace NewsPortal.Core.Import;

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
    Error,
}

/// <summary>One line of the report: what was found at a place and what the import does (or did) with it.</summary>
public sealed record ImportReportEntry(
    string Location,
    ImportOutcome Outcome,
    string? Title = null,
    DateOnly? Date = null,
    string? Section = null,
    bool HasCaption = false,
    bool HasCredit = false,
    int LinkCount = 0,
    IReadOnlyList<string>? Warnings = null,
    string? Error = null);

/// <summary>
/// The result of a dry run or an apply. Entries are kept up to <see cref="MaxEntries"/> (counts are always
/// complete), so a report of 100,000 items stays small.
/// </summary>
public sealed class ImportReport
{
    public const int MaxEntries = 2000;
    private readonly List<ImportReportEntry> _entries = [];
    private readonly List<string> _errors = [];

    public bool DryRun { get; init; }

    /// <summary>What the run did with items the site already had.</summary>
    public ExistingItems Existing { get; init; }
    public bool Applied { get; set; }
    public int? BatchId { get; set; }
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Errors { get; private set; }
    public int Warnings { get; private set; }

    /// <summary>Items the upload would change that an editor changed on the site since their last import.</summary>
    public int SiteEdits { get; private set; }
    public IReadOnlyList<ImportReportEntry> Entries => _entries;

    /// <summary>Every error, with its place; these stop the import.</summary>
    public IReadOnlyList<string> ErrorMessages => _errors;

    public int Total => Created + Updated + Unchanged + Errors;

    public void Add(ImportReportEntry entry)
    {
        switch (entry.Outcome)
        {
            case ImportOutcome.Created: Created++; break;
            case ImportOutcome.Updated: Updated++; break;
            case ImportOutcome.Unchanged: Unchanged++; break;
            default:
                Errors++;
                if (_errors.Count < MaxEntries) _errors.Add($"{entry.Location}: {entry.Error}");
                break;
        }
        Warnings += entry.Warnings?.Count ?? 0;
        if (_entries.Count < MaxEntries) _entries.Add(entry);
    }

    public void NoteSiteEdit() => SiteEdits++;

    public void AddFileError(string location, string error) => Add(new ImportReportEntry(location, ImportOutcome.Error, Error: error));
}
