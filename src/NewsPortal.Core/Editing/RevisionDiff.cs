using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace NewsPortal.Core.Editing;

/// <summary>One changed field between two revisions; long text fields come with a line-by-line diff.</summary>
public sealed record FieldChange(string Field, string Before, string After, IReadOnlyList<DiffPiece> Lines);

public static class RevisionDiff
{
    public static IReadOnlyList<FieldChange> Between(NewsItemContent before, NewsItemContent after)
    {
        var fields = new (string Name, Func<NewsItemContent, string> Value)[]
        {
            ("Title", c => c.Title),
            ("Slug", c => c.Slug),
            ("Date", c => c.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("Status", c => c.Status + (c.PublishAtUtc is { } at ? $" from {at:yyyy-MM-dd HH:mm} UTC" : "")),
            ("Section", c => c.Section.ToString()),
            ("Language", c => c.Language),
            ("Summary", c => c.Summary),
            ("Body", c => c.Body),
            ("Photo", c => string.Join("\n", new[] { c.PhotoFileName, c.PhotoAltText, c.PhotoCaption, c.PhotoCredit }.Select(v => v ?? ""))),
            ("Links", c => string.Join("\n", c.Links.Select(l => $"{l.Kind}: {l.Text} <{l.Url}>"))),
            ("Tags", c => string.Join(", ", c.Tags)),
        };
        var changes = new List<FieldChange>();
        foreach (var (name, value) in fields)
        {
            var (old, @new) = (value(before), value(after));
            if (old == @new) continue;
            var lines = InlineDiffBuilder.Diff(old, @new, ignoreWhiteSpace: false).Lines;
            changes.Add(new FieldChange(name, old, @new, lines));
        }
        return changes;
    }
}
