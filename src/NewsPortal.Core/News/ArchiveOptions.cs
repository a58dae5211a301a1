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

    public string? OriginalUrlFor(string? sourceAddress) =>
        string.IsNullOrEmpty(sourceAddress) ? null : OriginalBaseUrl.TrimEnd('/') + sourceAddress;
}
