using System.ComponentModel.DataAnnotations;
using NewsPortal.Core.Editing;
using NewsPortal.Core.News;
using NewsPortal.Core.Rendering;

namespace NewsPortal.Areas.Admin.Models;

/// <summary>
/// What the item form posts. Only these fields bind (no id, provenance or audit fields: no mass assignment);
/// <see cref="Version"/> is the concurrency token of the version the editor started from.
/// </summary>
public sealed class ItemFormModel : IValidatableObject
{
    public const int BlankLinkRows = 2;

    public Guid Version { get; set; }

    /// <summary>Only on the new-item form: sending the same form twice creates one item.</summary>
    public Guid? CreationKey { get; set; }

    [Required(ErrorMessage = "Give the item a title."), StringLength(NewsItem.TitleMaxLength, ErrorMessage = "The title can be at most {1} characters.")]
    public string Title { get; set; } = "";

    [StringLength(NewsItem.SlugMaxLength, ErrorMessage = "The slug can be at most {1} characters.")]
    [Display(Name = "Slug (address)")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Give the item its date.")]
    [Display(Name = "Date")]
    public DateOnly? PublishedOn { get; set; }

    public NewsSection Section { get; set; }

    [Required, RegularExpression("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$", ErrorMessage = "Use a language code such as en or sv.")]
    public string Language { get; set; } = "en";

    public NewsStatus Status { get; set; }

    [Display(Name = "Publish at (UTC)")]
    public DateTime? PublishAt { get; set; }

    [StringLength(NewsItem.SummaryMaxLength, ErrorMessage = "The summary can be at most {1} characters.")]
    public string? Summary { get; set; }

    [StringLength(200_000, ErrorMessage = "The body can be at most {1} characters.")]
    [Display(Name = "Body (Markdown)")]
    public string? Body { get; set; }

    [Display(Name = "Photo (JPEG, PNG, GIF or WebP)")]
    public IFormFile? PhotoUpload { get; set; }

    /// <summary>The stored photo the item already has; kept unless replaced or removed.</summary>
    public string? PhotoFileName { get; set; }

    [Display(Name = "Remove the photo")]
    public bool RemovePhoto { get; set; }

    [StringLength(500), Display(Name = "Photo description (alt text)")]
    public string? PhotoAltText { get; set; }

    [StringLength(1000), Display(Name = "Caption")]
    public string? PhotoCaption { get; set; }

    [StringLength(200), Display(Name = "Credit (shown as \"Photo: …\")")]
    public string? PhotoCredit { get; set; }

    public List<LinkInput> Links { get; set; } = [];

    [StringLength(1000), Display(Name = "Tags (separated by commas)")]
    public string? Tags { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(Title), Title), (nameof(Slug), Slug), (nameof(Summary), Summary), (nameof(Body), Body),
                     (nameof(PhotoAltText), PhotoAltText), (nameof(PhotoCaption), PhotoCaption), (nameof(PhotoCredit), PhotoCredit), (nameof(Tags), Tags) })
            if (value?.IndexOfAny(Core.Import.ImportValidator.ControlCharacters) >= 0 || value?.Contains('\0') == true)
                yield return new("Remove the invisible control character (it was probably pasted in).", [name]);
        // Reported, never cut: the field keeps what was typed, so the editor chooses which tags go.
        var tags = Core.News.Tags.Parse(Tags);
        if (Core.News.Tags.CountProblem(tags) is { } tooManyTags)
            yield return new($"{char.ToUpperInvariant(tooManyTags[0])}{tooManyTags[1..]}; remove {tags.Count - Core.News.Tags.MaxPerItem}.", [nameof(Tags)]);
        if (Status == NewsStatus.Scheduled && PublishAt is null)
            yield return new("Give the time from which the scheduled item is public.", [nameof(PublishAt)]);
        var hasPhoto = PhotoUpload is not null || (!string.IsNullOrEmpty(PhotoFileName) && !RemovePhoto);
        if (hasPhoto && string.IsNullOrWhiteSpace(PhotoAltText))
            yield return new("Describe the photo for readers who cannot see it.", [nameof(PhotoAltText)]);
        for (var i = 0; i < Links.Count; i++)
        {
            var link = Links[i];
            if (link.IsBlank) continue;
            // The importer refuses these too: an export with one of them could not be imported again.
            foreach (var (name, value) in new[] { (nameof(LinkInput.Text), link.Text), (nameof(LinkInput.Url), link.Url) })
                if (value?.IndexOfAny(Core.Import.ImportValidator.ControlCharacters) >= 0 || value?.Contains('\0') == true)
                    yield return new("Remove the invisible control character (it was probably pasted in).", [$"{nameof(Links)}[{i}].{name}"]);
            if (string.IsNullOrWhiteSpace(link.Text))
                yield return new("Give the link a descriptive text.", [$"{nameof(Links)}[{i}].{nameof(LinkInput.Text)}"]);
            else if (link.Text.Trim().ToLowerInvariant() is "here" or "click here" or "link" or "more")
                yield return new($"\"{link.Text.Trim()}\" does not say where the link goes; describe it (e.g. \"Read the full speech\").", [$"{nameof(Links)}[{i}].{nameof(LinkInput.Text)}"]);
            if (!string.IsNullOrWhiteSpace(link.Url) && !IsAllowedAddress(link.Url))
                yield return new("Use a full http://, https:// or mailto: address.", [$"{nameof(Links)}[{i}].{nameof(LinkInput.Url)}"]);
        }
    }

    private static bool IsAllowedAddress(string url) =>
        MarkdownRenderer.IsSafeUrl(url) && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    public NewsItemContent ToContent(string? photoFileName) => new()
    {
        Title = Title.Trim(),
        Slug = Slug?.Trim() ?? "",
        Summary = Summary?.Trim() ?? "",
        Body = Body ?? "",
        PublishedOn = PublishedOn ?? default,
        Section = Section,
        Language = Language.Trim(),
        Status = Status,
        PublishAtUtc = PublishAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
        PhotoFileName = photoFileName,
        PhotoAltText = Blank(PhotoAltText),
        PhotoCaption = Blank(PhotoCaption),
        PhotoCredit = Blank(PhotoCredit),
        Links = Links.Where(l => !l.IsBlank)
            .Select(l => new NewsLink { Kind = l.Kind, Text = l.Text!.Trim(), Url = Blank(l.Url) }).ToList(),
        Tags = Core.News.Tags.Parse(Tags),
    };

    public static ItemFormModel From(NewsItemContent content, Guid version) => new()
    {
        Version = version,
        Title = content.Title,
        Slug = content.Slug,
        PublishedOn = content.PublishedOn,
        Section = content.Section,
        Language = content.Language,
        Status = content.Status,
        PublishAt = content.PublishAtUtc,
        Summary = content.Summary,
        Body = content.Body,
        PhotoFileName = content.PhotoFileName,
        PhotoAltText = content.PhotoAltText,
        PhotoCaption = content.PhotoCaption,
        PhotoCredit = content.PhotoCredit,
        Links = content.Links.Select(l => new LinkInput { Kind = l.Kind, Text = l.Text, Url = l.Url }).ToList(),
        Tags = string.Join(", ", content.Tags),
    };

    /// <summary>Adds empty rows so another link can be added without JavaScript.</summary>
    public ItemFormModel WithBlankLinkRows()
    {
        while (Links.Count(l => l.IsBlank) < BlankLinkRows) Links.Add(new LinkInput());
        return this;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
