using System.Globalization;
using System.Text;
using NewsPortal.Core.News;

namespace NewsPortal.Archive;

/// <summary>
/// RFC 7089 (Memento) for item pages: each page is a memento of the original address, captured when the site was
/// archived; its published revisions are later mementos; the TimeMap lists them all.
/// </summary>
public static class Memento
{
    public const string TimeMapContentType = "application/link-format";

    public static string HttpDate(DateTime utc) => utc.ToString("r", CultureInfo.InvariantCulture);

    public static DateTime CaptureTime(DateOnly archivedOn) => archivedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static void AddHeaders(HttpResponse response, DateTime mementoUtc, string? originalUrl, string timeMapUrl)
    {
        response.Headers["Memento-Datetime"] = HttpDate(mementoUtc);
        var links = new List<string>();
        if (originalUrl is not null && Ascii(originalUrl) is { } original) links.Add($"<{original}>; rel=\"original\"");
        if (Ascii(timeMapUrl) is { } timeMap) links.Add($"<{timeMap}>; rel=\"timemap\"; type=\"{TimeMapContentType}\"");
        response.Headers.Link = string.Join(", ", links);
    }

    /// <summary>HTTP headers carry ASCII only: addresses go in percent-encoded (or not at all if malformed).</summary>
    private static string? Ascii(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : null;

    public static string TimeMap(string? originalUrl, string selfUrl, string itemUrl, DateTime captureUtc, IEnumerable<PublicRevision> revisions, Func<int, string> revisionUrl)
    {
        var lines = new List<string>();
        if (originalUrl is not null) lines.Add($"<{originalUrl}>; rel=\"original\"");
        lines.Add($"<{selfUrl}>; rel=\"self\"; type=\"{TimeMapContentType}\"");
        lines.Add($"<{itemUrl}>; rel=\"first memento\"; datetime=\"{HttpDate(captureUtc)}\"");
        foreach (var revision in revisions)
            lines.Add($"<{revisionUrl(revision.Number)}>; rel=\"memento\"; datetime=\"{HttpDate(revision.SavedAtUtc)}\"");
        return string.Join(",\n", lines) + "\n";
    }
}
