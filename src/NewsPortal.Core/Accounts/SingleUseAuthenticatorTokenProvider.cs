using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Accounts;

/// <summary>
/// Identity's TOTP check accepts the same code again while it is valid (about 90 s); ASVS asks that a code
/// work once. The last accepted code is kept as a user token and refused the second time.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(NewsDbContext db) : AuthenticatorTokenProvider<PortalUser>
{
    public const string ProviderName = "SingleUseAuthenticator";
    private const string LoginProvider = "[NewsPortal]";
    private const string LastCodeName = "LastAuthenticatorCode";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        if (!await base.ValidateAsync(purpose, token, manager, user)) return false;
        if (!await IsLastUsedCodeAsync(manager, user, token))
        {
            // The write checks the user's concurrency stamp, and the first one inserts the token row: of two requests racing
            // with one code (a double click), only one succeeds and the other is refused as a used code, not a 500.
            try
            {
                var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                if ((await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastCodeName, $"{Normalize(token)}:{step}")).Succeeded) return true;
            }
            catch (DbUpdateException)
            {
            }
        }
        // Refused: drop any refused write so nothing later in the request saves it, and let later reads see the account as
        // the request that used the code left it. The same user instance stays tracked: Identity goes on with it.
        foreach (var entry in db.ChangeTracker.Entries<IdentityUserToken<string>>().Where(e => e.Entity.UserId == user.Id).ToList())
            entry.State = EntityState.Detached;
        await db.Entry(user).ReloadAsync();
        return false;
    }

    /// <summary>Whether <paramref name="token"/> is the code the account accepted last, still within its time: the same form sent again.</summary>
    public static async Task<bool> IsLastUsedCodeAsync(UserManager<PortalUser> manager, PortalUser user, string token)
    {
        // A code is only valid within a few 30-second steps, so remembering it with its time step suffices.
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastCodeName);
        return last is not null && last.Split(':') is [var lastCode, var lastStep]
            && lastCode == Normalize(token) && long.TryParse(lastStep, out var used) && step - used <= 3;
    }

    private static string Normalize(string token) => token.Replace(" ", "").Replace("-", "");
}
