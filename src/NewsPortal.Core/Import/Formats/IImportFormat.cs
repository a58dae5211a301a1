namespace NewsPortal.Core.Import.Formats;

/// <summary>One file format. Formats are chosen by content (<see cref="Recognizes"/>), not by file name alone.</summary>
public interface IImportFormat
{
    string Name { get; }

    /// <summary>Looks at the start of the file (already checked to be UTF-8 text, BOM removed) and its name.</summary>
    bool Recognizes(string fileName, string head);

    IAsyncEnumerable<ImportRecord> ReadAsync(ImportSource source, CancellationToken ct);
}
