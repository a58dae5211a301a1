using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Import;
using NewsPortal.Core.Import.Formats;
using NewsPortal.Core.News;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NewsPortal.Core.Export;

/// <summary>Which items to export; empty means every item that is not deleted, whatever its status.</summary>
public sealed record ExportSelection(NewsSection? Section = null, int? Year = null)
{
    /// <summary>For the audit log: "everything", or e.g. "section speech, year 2012".</summary>
    public string Description =>
        Section is null && Year is null ? "everything"
            : string.Join(", ", new[] { Section is { } s ? $"section {ImportValidator.NameOf(s)}" : null, Year is { } y ? $"year {y}" : null }.OfType<string>());
}

/// <summary>
/// Writes items in the import's own formats, streaming from the database, so an export imports back with
/// nothing lost: JSON (the exchange schema) or a zip of Markdown files with YAML front matter.
/// </summary>
public sealed class NewsExporter(NewsDbContext db)
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .Build();

    public async Task WriteJsonAsync(Stream output, ExportSelection selection, CancellationToken ct = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        await foreach (var item in Items(selection).AsAsyncEnumerable().WithCancellation(ct))
        {
            JsonSerializer.Serialize(json, ToExchange(item), JsonFormat.Options);
            if (json.BytesPending > 64 * 1024) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    public async Task WriteMarkdownZipAsync(Stream output, ExportSelection selection, CancellationToken ct = default)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await foreach (var item in Items(selection).AsAsyncEnumerable().WithCancellation(ct))
        {
            var exchange = ToExchange(item);
            var body = exchange.Body ?? "";
            exchange.Body = null;
            var entry = zip.CreateEntry($"{item.PublishedOn:yyyy-MM-dd}-{item.Slug}.md", CompressionLevel.Optimal);
            await using var stream = entry.Open();
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            await writer.WriteAsync($"---\n{Yaml.Serialize(exchange)}---\n{body}");
        }
    }

    private IQueryable<NewsItem> Items(ExportSelection selection)
    {
        var items = db.NewsItems.AsNoTracking().Where(i => i.DeletedAtUtc == null);
        if (selection.Section is { } section) items = items.Where(i => i.Section == section);
        if (selection.Year is { } year) items = items.Where(i => i.PublishedOn >= new DateOnly(year, 1, 1) && i.PublishedOn <= new DateOnly(year, 12, 31));
        return items.OrderBy(i => i.PublishedOn).ThenBy(i => i.Id);
    }

    public static ImportedItem ToExchange(NewsItem item) => new()
    {
        Title = item.Title,
        Slug = item.Slug,
        Date = item.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Section = ImportValidator.NameOf(item.Section),
        Language = item.Language,
        Status = item.Status.ToString().ToLowerInvariant(),
        PublishAt = item.PublishAtUtc?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        Summary = item.Summary.Length == 0 ? null : item.Summary,
        Body = item.Body,
        Photo = item.Photo is { } photo && (photo.AltText ?? photo.Caption ?? photo.Credit) is not null
            ? new ImportedPhoto { Alt = photo.AltText, Caption = photo.Caption, Credit = photo.Credit }
            : null,
        Links = item.Links.Count == 0 ? null : item.Links.Select(l => new ImportedLink { Kind = ImportValidator.NameOf(l.Kind), Text = l.Text, Url = l.Url }).ToList(),
        Tags = item.Tags.Count == 0 ? null : item.Tags.ToList(),
        SourceAddress = item.SourceAddress,
        ArchivedOn = item.ArchivedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
