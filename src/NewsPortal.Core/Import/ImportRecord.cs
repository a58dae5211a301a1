namespace NewsPortal.Core.Import;

/// <summary>What a format read at one place of one file: an item, or the reason it could not.</summary>
public sealed record ImportRecord(string Location, ImportedItem? Item, string? Error = null, IReadOnlyList<string>? Warnings = null)
{
    public static ImportRecord Failed(string location, string error) => new(location, null, error);
}
