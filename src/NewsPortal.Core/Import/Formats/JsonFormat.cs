using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsPortal.Core.Import.Formats;

/// <summary>
/// The exchange schema (what the JSON export writes): a top-level array of <see cref="ImportedItem"/>.
/// Read as a stream, record by record; strict: unknown members, duplicate keys and wrong types are errors.
/// </summary>
public sealed class JsonFormat : IImportFormat
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        PropertyNameCaseInsensitive = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // Exports are downloads, never embedded in HTML: keep "ö" and quotes readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "JSON";

    public bool Recognizes(string fileName, string head) => head.TrimStart() is ['[', ..] or ['{', ..];

    public async IAsyncEnumerable<ImportRecord> ReadAsync(ImportSource source, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = source.Open();
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, Options, ct).GetAsyncEnumerator(ct);
        var number = 0;
        while (true)
        {
            ImportRecord? next;
            try
            {
                if (!await elements.MoveNextAsync()) break;
                number++;
                next = ToRecord(source.Name, number, elements.Current);
            }
            catch (JsonException error)
            {
                next = ImportRecord.Failed(source.Name, SyntaxMessage(error));
            }
            yield return next;
            if (next.Item is null && next.Location == source.Name) yield break;
        }
        await elements.DisposeAsync();
    }

    private static ImportRecord ToRecord(string fileName, int number, JsonElement element)
    {
        var location = $"{fileName}, record {number}";
        if (element.ValueKind != JsonValueKind.Object)
            return ImportRecord.Failed(location, $"expected an object for the item, found {element.ValueKind.ToString().ToLowerInvariant()}");
        try
        {
            return new ImportRecord(location, element.Deserialize<ImportedItem>(Options));
        }
        catch (JsonException error)
        {
            return ImportRecord.Failed(location, RecordMessage(error));
        }
    }

    private static string SyntaxMessage(JsonException error) =>
        error.Message.Contains("could not be converted to System.Collections.Generic.IAsyncEnumerable", StringComparison.Ordinal)
        || error.Message.Contains("JsonElement", StringComparison.Ordinal) && error.Path == "$"
            ? "The file must hold a list of items: [ {...}, {...} ]."
            : $"JSON syntax error at line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}: {FirstSentence(error.Message)}";

    private static string RecordMessage(JsonException error) =>
        error.Path is { Length: > 2 } path ? $"field '{path.TrimStart('$', '.')}': {FirstSentence(error.Message)}" : FirstSentence(error.Message);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
