using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Core.News;

/// <summary>Facts about the archived original site, bound from the "Archive" configuration section.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>The day the original site was archived, shown in the banner "This site has been archived on (2014/11/18)".</summary>
    [Required]
    public DateOnly ArchivedOn { get; set; }

    /// <summary>Where the original site lived, prefixed to source addresses for "original" links.</summary>
    [Required, Url]
    public string OriginalBaseUrl { get; set; } = "";

    /// <summary>Composite format for an item's original address; {0} is its date, {1} its language.</summary>
    [Required]
    public string SourceAddressFormat { get; set; } = "";

    public string SourceAddressFor(DateOnly date, string language) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, SourceAddressFormat, date, language);

    /// <summary>
    /// The original address named by a saved file ("20120503_2_en.htm" → .../2012/05/20120503_2_en.htm), so pages
    /// of the same day stay apart; null when the name does not follow the original scheme.
    /// </summary>
    public string? SourceAddressFromFileName(string fileName)
    {
        var match = System.Text.RegularExpressions.Regex.Match(Path.GetFileName(fileName), @"^(?<day>\d{8})(?<n>_\d+)?_(?<lang>[a-z]{2})\.");
        if (!match.Success || !DateOnly.TryParseExact(match.Groups["day"].Value, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date)) return null;
        var address = SourceAddressFor(date, match.Groups["lang"].Value);
        return match.Groups["n"].Success ? address.Replace($"{date:yyyyMMdd}_", $"{date:yyyyMMdd}{match.Groups["n"].Value}_") : address;
    }

    public string? OriginalUrlFor(string? sourceAddress) =>
        string.IsNullOrEmpty(sourceAddress) ? null : OriginalBaseUrl.TrimEnd('/') + sourceAddress;
}
