using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Core.Accounts;

public sealed class PortalUser : IdentityUser
{
    /// <summary>Disabled users cannot sign in; their sessions end at the next security-stamp check.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
