using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Core.Links;

/// <summary>
/// The "LinkWatch" configuration section. Off by default: when on, the portal itself asks other sites for the
/// addresses items link to, and only on the hosts listed here (and their subdomains).
/// </summary>
public sealed class LinkWatchOptions : IValidatableObject
{
    public const string Section = "LinkWatch";

    public bool Enabled { get; set; }

    /// <summary>Host names whose links are checked, e.g. "europa.eu" (covering ec.europa.eu too).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How long a result stands before the address is asked again.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromDays(7);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The pause between two requests, so the watched sites see a slow, steady reader.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PauseBetweenRequests { get; set; } = TimeSpan.FromSeconds(2);

    public bool Allows(Uri address) =>
        address.Scheme is "http" or "https" && AllowedHosts.Any(host =>
            address.Host.Equals(host, StringComparison.OrdinalIgnoreCase)
            || address.Host.EndsWith("." + host.TrimStart('.'), StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && AllowedHosts.Count(h => !string.IsNullOrWhiteSpace(h)) == 0)
            yield return new("LinkWatch:Enabled is true but LinkWatch:AllowedHosts names no host: list the sites whose links may be checked.",
                [nameof(AllowedHosts)]);
    }
}
