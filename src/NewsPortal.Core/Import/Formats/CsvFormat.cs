using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace NewsPortal.Core.Import.Formats;

/// <summary>
/// Comma-separated values with a header row (RFC 4180 quoting). Required columns: title, date. Optional: slug, section,
/// language, status, publish_at, summary, body, photo_alt, photo_caption, photo_credit, source_address, archived_on,
/// links (one link per line: "kind|text|url"), tags (separated by ";"). Any other column is an error, so a typo never drops data silently.
/// </summary>
public sealed class CsvFormat : IImportFormat
{
    public static readonly string[] Columns =
        ["title", "date", "slug", "section", "language", "status", "publish_at", "summary", "body",
         "photo_alt", "photo_caption", "photo_credit", "source_address", "archived_on", "links", "tags"];

    private static readonly string[] RequiredColumns = ["title", "date"];

    public string Name => "CSV";

    public bool Recognizes(string fileName, string head)
    {
        var firstLine = head.Split('\n')[0].Trim().ToLowerInvariant();
        return fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            || (firstLine.Contains("title", StringComparison.Ordinal) && (firstLine.Contains(',') || firstLine.Contains(';')));
    }

    public async IAsyncEnumerable<ImportRecord> ReadAsync(ImportSource source, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = source.Open();
        using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectDelimiter = false,
            IgnoreBlankLines = true,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        };
        using var csv = new CsvReader(text, configuration);

        var header = await ReadHeaderAsync(csv, source.Name);
        if (header.Error is not null)
        {
            yield return ImportRecord.Failed(source.Name, header.Error);
            yield break;
        }

        while (true)
        {
            ImportRecord record;
            var broken = false;
            try
            {
                if (!await csv.ReadAsync()) break;
                record = ToRecord(csv, header.Names!, source.Name);
            }
            catch (CsvHelperException error) when (error is BadDataException or ParserException)
            {
                // CsvHelper must fail the import here, not skip the row (BAD-11).
                record = ImportRecord.Failed($"{source.Name}, row {error.Context?.Parser?.Row}", "the row is not valid CSV (an unterminated or stray quote).");
                broken = true;
            }
            yield return record;
            if (broken) yield break;
        }
    }

    private static async Task<(string[]? Names, string? Error)> ReadHeaderAsync(CsvReader csv, string fileName)
    {
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is null)
                return (null, "The file is empty; expected a header row such as \"title,date,body\".");
        }
        catch (CsvHelperException)
        {
            return (null, "The header row is not valid CSV.");
        }
        var names = csv.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (names.Length == 1 && names[0].Contains(';'))
            return (null, "The columns are separated by ';'; use commas.");
        foreach (var required in RequiredColumns)
            if (!names.Contains(required)) return (null, $"Missing column '{required}'.");
        var unknown = names.Where(n => !Columns.Contains(n)).ToList();
        if (unknown.Count > 0) return (null, $"Unknown column '{unknown[0]}'; the columns are: {string.Join(", ", Columns)}.");
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return (null, $"Column '{duplicate.Key}' appears twice.");
        return (names, null);
    }

    private static ImportRecord ToRecord(CsvReader csv, string[] header, string fileName)
    {
        var location = $"{fileName}, row {csv.Parser.Row}";
        if (csv.Parser.RawRecord.Count(c => c == '"') % 2 == 1)
            return ImportRecord.Failed(location, "a quoted field is never closed (an unterminated quote).");
        if (csv.Parser.Count != header.Length)
            return ImportRecord.Failed(location, $"expected {header.Length} fields, found {csv.Parser.Count}.");
        string? Field(string name) => header.Contains(name) && csv.GetField(name) is { Length: > 0 } value ? value : null;

        var links = new List<ImportedLink>();
        foreach (var line in (Field("links") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            if (parts.Length is < 2 or > 3)
                return ImportRecord.Failed(location, $"the link \"{line}\" should read kind|text|url.");
            links.Add(new ImportedLink { Kind = parts[0].Trim(), Text = parts[1].Trim(), Url = parts.Length == 3 && parts[2].Trim().Length > 0 ? parts[2].Trim() : null });
        }
        var hasPhoto = Field("photo_alt") ?? Field("photo_caption") ?? Field("photo_credit");
        return new ImportRecord(location, new ImportedItem
        {
            Title = Field("title"),
            Date = Field("date"),
            Slug = Field("slug"),
            Section = Field("section"),
            Language = Field("language"),
            Status = Field("status"),
            PublishAt = Field("publish_at"),
            Summary = Field("summary"),
            Body = Field("body"),
            Photo = hasPhoto is null ? null : new ImportedPhoto { Alt = Field("photo_alt"), Caption = Field("photo_caption"), Credit = Field("photo_credit") },
            Links = links,
            Tags = (Field("tags") ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            SourceAddress = Field("source_address"),
            ArchivedOn = Field("archived_on"),
        });
    }
}
