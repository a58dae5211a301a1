using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Hosting;

/// <summary>The "Security" configuration section: session lifetimes and the sign-in rate limit.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>A session ends after this long without a request (ASVS: at most 30 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active (ASVS: at most 12 hours).</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often a session is checked against the account (sign-out elsewhere, password change, disabling).</summary>
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Cookies are Secure and "__Host-" prefixed, so sign-in needs HTTPS (directly or via a trusted proxy).
    /// Turn off only for plain-HTTP development on localhost.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    [Range(1, 10000)]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Item form posts and import uploads per account per minute; beyond it, 429 with Retry-After.</summary>
    [Range(1, 10000)]
    public int UploadsPerMinute { get; set; } = 60;
}
