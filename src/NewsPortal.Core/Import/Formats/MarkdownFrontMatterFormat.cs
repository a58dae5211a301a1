using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NewsPortal.Core.Import.Formats;

/// <summary>
/// Markdown files with YAML front matter, Hugo/Jekyll style (what the Markdown export writes):
/// "---", title, date, slug, draft or status, description or summary, section, language, photo, links,
/// source_address, archived_on, tags; "---"; then the body.
/// </summary>
public sealed class MarkdownFrontMatterFormat : IImportFormat
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public string Name => "Markdown with front matter";

    public bool Recognizes(string fileName, string head) => head.StartsWith("---\n", StringComparison.Ordinal) || head.StartsWith("---\r\n", StringComparison.Ordinal);

    public async IAsyncEnumerable<ImportRecord> ReadAsync(ImportSource source, [EnumeratorCancellation] CancellationToken ct)
    {
        var text = (await SourceInspection.ReadAllTextAsync(source, ct)).ReplaceLineEndings("\n");
        yield return Read(source.Name, text);
    }

    private static ImportRecord Read(string name, string text)
    {
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal) || end < 0)
            return ImportRecord.Failed(name, "The front matter must start and end with a line of three dashes (---).");
        FrontMatter matter;
        try
        {
            matter = Yaml.Deserialize<FrontMatter>(text[4..(end + 1)]) ?? new FrontMatter();
        }
        catch (YamlException error)
        {
            return ImportRecord.Failed($"{name}, line {error.Start.Line + 1}", $"the front matter is not valid: {error.InnerException?.Message ?? error.Message}");
        }
        return new ImportRecord(name, new ImportedItem
        {
            Title = matter.Title,
            Date = matter.Date,
            Slug = matter.Slug,
            Section = matter.Section,
            Language = matter.Language ?? matter.Lang,
            Status = matter.Status ?? (matter.Draft == true ? "draft" : matter.Draft == false ? "published" : null),
            PublishAt = matter.PublishAt,
            Summary = matter.Summary ?? matter.Description,
            Body = text[(end + 5)..].TrimStart('\n'),
            Photo = matter.Photo,
            Links = matter.Links,
            Tags = matter.Tags,
            SourceAddress = matter.SourceAddress,
            ArchivedOn = matter.ArchivedOn,
        });
    }

    /// <summary>Unknown keys are errors (YamlDotNet's default), so a misspelt key never drops data silently.</summary>
    private sealed class FrontMatter
    {
        public string? Title { get; set; }
        public string? Date { get; set; }
        public string? Slug { get; set; }
        public bool? Draft { get; set; }
        public string? Status { get; set; }
        public string? PublishAt { get; set; }
        public string? Description { get; set; }
        public string? Summary { get; set; }
        public string? Section { get; set; }
        public string? Language { get; set; }
        public string? Lang { get; set; }
        public ImportedPhoto? Photo { get; set; }
        public List<ImportedLink>? Links { get; set; }
        public string? SourceAddress { get; set; }
        public string? ArchivedOn { get; set; }
        public List<string>? Tags { get; set; }
    }
}
