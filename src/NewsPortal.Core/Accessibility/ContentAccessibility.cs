using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Accessibility;

/// <summary>One problem an item's content gives readers of assistive technology, with the WCAG 2.1 criterion it fails.</summary>
public sealed record AccessibilityProblem(string Rule, string Criterion, string Detail);

/// <summary>
/// Checks what editors and imports put into an item, rather than the page around it (which the browser tests check
/// with axe): the photo's text alternative and the structure of the rendered body. Only what an editor can mend
/// without changing the archived text: wording such as "full speech here" is the original's and is not judged.
/// Tables are not checked: Markdown tables always have a header row, and bodies cannot hold HTML of their own.
/// </summary>
public static class ContentAccessibility
{
    public const string PhotoAlt = "photo-alt", ImageAlt = "image-alt", EmptyLink = "empty-link",
        BodyTitleHeading = "body-h1", SkippedHeading = "heading-skip";

    /// <summary>What each rule asks for, in the order the report lists them.</summary>
    public static readonly IReadOnlyList<(string Rule, string Criterion, string Summary)> Rules =
    [
        (PhotoAlt, "1.1.1 Non-text Content", "The item's photo has a text alternative"),
        (ImageAlt, "1.1.1 Non-text Content", "Images in the body have a text alternative"),
        (EmptyLink, "2.4.4 Link Purpose (In Context)", "Links in the body have text"),
        (BodyTitleHeading, "1.3.1 Info and Relationships", "The body has no level-1 heading (the page's title is the only one)"),
        (SkippedHeading, "1.3.1 Info and Relationships", "Headings in the body go down one level at a time"),
    ];

    private static readonly HtmlParser Parser = new();

    public static IReadOnlyList<AccessibilityProblem> Check(NewsPhoto? photo, string bodyHtml)
    {
        var problems = new List<AccessibilityProblem>();
        if (photo?.FileName is not null && string.IsNullOrWhiteSpace(photo.AltText))
            problems.Add(Problem(PhotoAlt, "The photo has no alternative text; describe what it shows."));
        if (string.IsNullOrWhiteSpace(bodyHtml)) return problems;

        var body = Parser.ParseDocument($"<body>{bodyHtml}</body>").Body!;
        foreach (var image in body.QuerySelectorAll("img").Where(i => string.IsNullOrWhiteSpace(i.GetAttribute("alt"))))
            problems.Add(Problem(ImageAlt, $"The image {Quote(image.GetAttribute("src"))} has no alternative text."));
        foreach (var link in body.QuerySelectorAll("a[href]").Where(a => AccessibleName(a).Length == 0))
            problems.Add(Problem(EmptyLink, $"The link to {Quote(link.GetAttribute("href"))} has no text."));

        var level = 1; // the page's title
        foreach (var heading in body.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            var next = heading.LocalName[1] - '0';
            if (next == 1)
                problems.Add(Problem(BodyTitleHeading, $"The heading {Quote(heading.TextContent)} is at level 1, beside the page's title; make it level 2 (## in Markdown)."));
            else if (next > level + 1)
                problems.Add(Problem(SkippedHeading, $"The heading {Quote(heading.TextContent)} is at level {next} after level {level}; make it level {level + 1}."));
            level = next;
        }
        return problems;
    }

    private static AccessibilityProblem Problem(string rule, string detail) =>
        new(rule, Rules.Single(r => r.Rule == rule).Criterion, detail);

    // What a screen reader announces for a link: its text, the alternative text of an image inside it, or its title.
    private static string AccessibleName(IElement link) =>
        string.Concat(link.TextContent, string.Concat(link.QuerySelectorAll("img").Select(i => i.GetAttribute("alt"))), link.GetAttribute("title")).Trim();

    private static string Quote(string? text)
    {
        var value = (text ?? "").Trim();
        return "“" + (value.Length > 80 ? value[..77] + "…" : value) + "”";
    }
}
