using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsPortal.Core.Editing;
using NewsPortal.Core.News;
using NewsPortal.Core.Rendering;

namespace NewsPortal.Core.Import;

/// <summary>An imported record that passed every check: its content and where it came from.</summary>
public sealed record ValidatedItem(NewsItemContent Content, string? SourceAddress, DateOnly? ArchivedOn)
{
    /// <summary>What makes two records the same item: the original address, else the slug.</summary>
    public string Key => SourceAddress is not null ? "source:" + SourceAddress : "slug:" + Content.Slug;
}

/// <summary>
/// The checks every format shares (BAD-15..25): required fields, lengths as PostgreSQL would enforce them,
/// only documented date formats in the invariant culture, no NUL or unpaired surrogates, safe link schemes.
/// </summary>
public static partial class ImportValidator
{
    private const int MaxBodyLength = 200_000;
    private static readonly MarkdownRenderer StructureCheck = new();
    private const int MinYear = 1950, MaxYear = 2100;

    /// <summary>C0 controls other than tab, line feed and carriage return.</summary>
    public static readonly char[] ControlCharacters = Enumerable.Range(1, 31).Where(c => c is not (9 or 10 or 13)).Select(c => (char)c).ToArray();

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    public static (ValidatedItem? Item, string? Error) Validate(ImportedItem item)
    {
        var title = Clean(item.Title);
        if (string.IsNullOrWhiteSpace(title)) return Fail("title is required");
        if (title.Length > NewsItem.TitleMaxLength) return Fail($"the title has {title.Length} characters; at most {NewsItem.TitleMaxLength} are allowed");
        foreach (var (field, value) in TextFields(item))
            if (Problem(value) is { } problem) return Fail($"{field} {problem}");

        if (string.IsNullOrWhiteSpace(item.Date)) return Fail("date is required (2012-05-03 or 3 May 2012)");
        if (ParseDate(item.Date) is not { } date) return Fail($"date {item.Date} is not a date in a documented format (2012-05-03 or 3 May 2012), or does not exist");
        if (date.Year is < MinYear or > MaxYear) return Fail($"date {item.Date} is outside {MinYear}-{MaxYear}");

        if (ParseSection(item.Section) is not { } section) return Fail($"section '{item.Section}' is unknown (news, speech, press-release, video)");
        if (ParseStatus(item.Status) is not { } status) return Fail($"status '{item.Status}' is unknown (draft, published, scheduled)");
        DateTime? publishAt = null;
        if (status == NewsStatus.Scheduled)
        {
            if (!DateTimeOffset.TryParse(item.PublishAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                return Fail("a scheduled item needs publishAt as an ISO 8601 date and time");
            publishAt = at.UtcDateTime;
        }
        var language = Clean(item.Language) ?? "en";
        if (!LanguageTag().IsMatch(language)) return Fail($"language '{language}' is not a language code such as en or sv");

        var summary = Clean(item.Summary) ?? "";
        if (summary.Length > NewsItem.SummaryMaxLength) return Fail($"the summary has {summary.Length} characters; at most {NewsItem.SummaryMaxLength} are allowed");
        var body = (item.Body ?? "").Normalize(NormalizationForm.FormC);
        if (body.Length > MaxBodyLength) return Fail($"the body has {body.Length} characters; at most {MaxBodyLength} are allowed");
        if (StructureCheck.Problem(body) is { } structure) return Fail($"the body {structure}");

        var slug = Slug.From(string.IsNullOrWhiteSpace(item.Slug) ? title : item.Slug);
        if (slug.Length == 0) return Fail("the slug (or the title) needs at least one letter or digit");

        var links = new List<NewsLink>();
        foreach (var (link, index) in (item.Links ?? []).Select((l, i) => (l, i + 1)))
        {
            if (ParseLinkKind(link.Kind) is not { } kind) return Fail($"link {index}: kind '{link.Kind}' is unknown (speech, video, press-release, other)");
            var text = Clean(link.Text);
            if (string.IsNullOrWhiteSpace(text)) return Fail($"link {index}: text is required");
            var url = Clean(link.Url);
            if (url is not null && !(MarkdownRenderer.IsSafeUrl(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto"))
                return Fail($"link {index}: '{url}' is not an http, https or mailto address");
            links.Add(new NewsLink { Kind = kind, Text = text, Url = url });
        }

        var source = Clean(item.SourceAddress);
        if (source is not null && (!source.StartsWith('/') || source.Length > 2048 || source.Any(c => c is <= ' ' or > '~' or '<' or '>' or '"')))
            return Fail("sourceAddress must be the page's path on the original site: starting with /, in ASCII, without spaces (percent-encode other characters)");
        // Canonical, as every save stores it, so a re-import written with other escapes ("%c3%a5") finds its item.
        source = News.OriginalAddress.Normalize(source);
        DateOnly? archivedOn = null;
        if (Clean(item.ArchivedOn) is { } archived)
        {
            if (!DateOnly.TryParseExact(archived, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)) return Fail($"archivedOn {archived} is not a date like 2014-11-18");
            archivedOn = a;
        }

        // An error, not a cut: an import must not drop data silently.
        var tags = News.Tags.Normalize(item.Tags);
        if (News.Tags.CountProblem(tags) is { } tooManyTags) return Fail(tooManyTags);

        var content = new NewsItemContent
        {
            Title = title, Slug = slug, Summary = summary, Body = body, PublishedOn = date, Section = section, Language = language,
            Status = status, PublishAtUtc = publishAt,
            PhotoAltText = Clean(item.Photo?.Alt), PhotoCaption = Clean(item.Photo?.Caption), PhotoCredit = Clean(item.Photo?.Credit),
            Links = links,
            Tags = tags,
        };
        return (new ValidatedItem(content, source, archivedOn), null);

        static (ValidatedItem?, string?) Fail(string message) => (null, message);
    }

    /// <summary>ISO 8601 ("2012-05-03", or a date and time, whose date is taken as written) or "3 May 2012".</summary>
    public static DateOnly? ParseDate(string text)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (text.Length > 10 && text[10] == 'T' && DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
            return DateOnly.FromDateTime(moment.DateTime);
        return ArchiveDateFormats.TryParseDateLine(text, out date, out _) ? date : null;
    }

    private static IEnumerable<(string Field, string? Value)> TextFields(ImportedItem item) =>
    [
        ("title", item.Title), ("slug", item.Slug), ("summary", item.Summary), ("body", item.Body), ("language", item.Language),
        ("photo alt text", item.Photo?.Alt), ("photo caption", item.Photo?.Caption), ("photo credit", item.Photo?.Credit),
        ("sourceAddress", item.SourceAddress), .. (item.Links ?? []).SelectMany(l => new[] { ("link text", l.Text), ("link url", l.Url) }),
        .. (item.Tags ?? []).Select(t => ("tag", (string?)t)),
    ];

    /// <summary>NUL is refused by PostgreSQL text columns; an unpaired surrogate is not text at all.</summary>
    private static string? Problem(string? value)
    {
        if (value is null) return null;
        if (value.Contains('\0')) return "contains a NUL character";
        // Other C0 controls (a vertical tab pasted from a word processor) break XML feeds and HTTP headers.
        var control = value.IndexOfAny(ControlCharacters);
        if (control >= 0) return $"contains the control character U+{(int)value[control]:X4} at position {control}";
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(value[i])) return $"contains an unpaired surrogate at position {i}";
        }
        return null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().Normalize(NormalizationForm.FormC);

    private static NewsSection? ParseSection(string? text) => (text?.Trim().ToLowerInvariant().Replace("_", "-")) switch
    {
        null or "" or "news" => NewsSection.News,
        "speech" or "speeches" => NewsSection.Speech,
        "press-release" or "press-releases" or "pressrelease" => NewsSection.PressRelease,
        "video" or "videos" => NewsSection.Video,
        _ => null,
    };

    private static NewsStatus? ParseStatus(string? text) => (text?.Trim().ToLowerInvariant()) switch
    {
        null or "" or "published" => NewsStatus.Published,
        "draft" => NewsStatus.Draft,
        "scheduled" => NewsStatus.Scheduled,
        _ => null,
    };

    private static NewsLinkKind? ParseLinkKind(string? text) => (text?.Trim().ToLowerInvariant().Replace("_", "-")) switch
    {
        "speech" => NewsLinkKind.Speech,
        "video" => NewsLinkKind.Video,
        "press-release" or "pressrelease" => NewsLinkKind.PressRelease,
        null or "" or "other" => NewsLinkKind.Other,
        _ => null,
    };

    /// <summary>The exchange names written by the export, read back by <see cref="Validate"/>.</summary>
    public static string NameOf(NewsSection section) => section switch
    {
        NewsSection.PressRelease => "press-release",
        _ => section.ToString().ToLowerInvariant(),
    };

    public static string NameOf(NewsLinkKind kind) => kind switch
    {
        NewsLinkKind.PressRelease => "press-release",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
