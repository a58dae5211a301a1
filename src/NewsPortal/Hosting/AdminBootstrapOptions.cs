namespace NewsPortal.Hosting;

/// <summary>
/// The "Admin" configuration section: the first administrator, created at start when no account exists.
/// The password comes only from the environment (Admin__Password); in Development, when none is given,
/// one is generated and printed once.
/// </summary>
public sealed class AdminBootstrapOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }
    public string? Password { get; set; }
}
