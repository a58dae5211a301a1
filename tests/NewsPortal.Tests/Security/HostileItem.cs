using NewsPortal.Core.Editing;
using NewsPortal.Core.News;

namespace NewsPortal.Tests.Security;

/// <summary>
/// SEC-22: an item whose every text field carries markup that runs script on its own (no click needed) wherever it is
/// written out unencoded: element text, attribute values (double and single quoted), &lt;title&gt;, script blocks
/// (JSON-LD) and XML CDATA. Shared by the HTTP checks here and the browser checks (linked into the browser tests).
/// </summary>
public static class HostileItem
{
    /// <summary>Breaks out of text, attributes, title, script and CDATA; each part fires by itself when parsed as HTML.</summary>
    public const string Payload =
        "\"><img src=x onerror=alert(1)></title><script>alert(2)</script>'><svg onload=alert(3)></script>" +
        "<input autofocus onfocus=alert(4)>]]>";

    /// <summary>A link address that is a valid https URL yet breaks out of an href attribute if not encoded.</summary>
    public const string LinkUrl = "https://example.org/?q=\"><img src=x onerror=alert(6)>&r='><svg onload=alert(7)>";

    /// <summary>The fields as an editor types them into the item form, each starting with <paramref name="marker"/> so it can be found.</summary>
    public static Dictionary<string, string> FormFields(string marker) => new()
    {
        ["Title"] = $"{marker} title {Payload}",
        ["Summary"] = $"{marker} summary {Payload}",
        ["Body"] = $"{marker} body {Payload}\n\n[{marker} body link {Payload}](https://example.org/)\n\n![{Payload}](https://example.org/x.png \"{Payload}\")",
        ["PhotoAltText"] = $"{marker} alt {Payload}",
        ["PhotoCaption"] = $"{marker} caption {Payload}",
        ["PhotoCredit"] = $"{marker} credit {Payload}",
        ["Tags"] = $"{marker}, {Payload}",
        ["Links[0].Text"] = $"{marker} link {Payload}",
        ["Links[0].Url"] = LinkUrl,
        ["Links[1].Text"] = $"{marker} second link {Payload}",
        ["Links[1].Url"] = "mailto:someone@example.org?subject=\"><svg onload=alert(8)>",
        ["Status"] = "Published",
        ["PublishedOn"] = "2014-11-18",
        ["Language"] = "en",
    };

    /// <summary>The same fields as the editor service takes them (for arranging without the form).</summary>
    public static NewsItemContent Content(string marker, string? photoFileName) => new()
    {
        Title = FormFields(marker)["Title"],
        Summary = FormFields(marker)["Summary"],
        Body = FormFields(marker)["Body"],
        PublishedOn = new DateOnly(2014, 11, 18),
        Section = NewsSection.News,
        Language = "en",
        Status = NewsStatus.Published,
        PhotoFileName = photoFileName,
        PhotoAltText = FormFields(marker)["PhotoAltText"],
        PhotoCaption = FormFields(marker)["PhotoCaption"],
        PhotoCredit = FormFields(marker)["PhotoCredit"],
        Links =
        [
            new NewsLink { Kind = default, Text = FormFields(marker)["Links[0].Text"], Url = LinkUrl },
            new NewsLink { Kind = default, Text = FormFields(marker)["Links[1].Text"], Url = FormFields(marker)["Links[1].Url"] },
        ],
        Tags = [marker, Payload],
    };
}
