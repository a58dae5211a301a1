using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Core.Accounts;

/// <summary>
/// Identity's TOTP check accepts the same code again while it is valid (about 90 s); ASVS asks that a code
/// work once. The last accepted code is kept as a user token and refused the second time.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider : AuthenticatorTokenProvider<PortalUser>
{
    public const string ProviderName = "SingleUseAuthenticator";
    private const string LoginProvider = "[NewsPortal]";
    private const string LastCodeName = "LastAuthenticatorCode";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        if (!await base.ValidateAsync(purpose, token, manager, user)) return false;
        var code = token.Replace(" ", "").Replace("-", "");
        // A code is only valid within a few 30-second steps, so remembering it with its time step suffices.
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastCodeName);
        if (last is not null && last.Split(':') is [var lastCode, var lastStep]
            && lastCode == code && long.TryParse(lastStep, out var used) && step - used <= 3)
            return false;
        // The write checks the user's concurrency stamp: of two sign-ins racing with one code, only one succeeds.
        return (await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastCodeName, $"{code}:{step}")).Succeeded;
    }
}
