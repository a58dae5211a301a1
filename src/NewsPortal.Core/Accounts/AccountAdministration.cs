using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Accounts;

public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, string? GeneratedPassword = null)
{
    /// <summary>A confirmation that was already used, or made before the account last changed: nothing was done.</summary>
    public bool WasStale { get; init; }

    /// <summary>The account was already in the state asked for (e.g. the same button clicked twice): nothing was written.</summary>
    public bool Unchanged { get; init; }

    public static AccountResult From(IdentityResult result, string? password = null) =>
        new(result.Succeeded, result.Errors.Select(e => e.Description).ToList(), result.Succeeded ? password : null);
}

/// <summary>
/// Creating, disabling and resetting accounts (the admin pages and the command line), and the one change to sign-in an
/// editor starts on their own account that Identity cannot do twice at once: creating the authenticator key.
/// </summary>
public sealed class AccountAdministration(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, NewsDbContext db, TimeProvider clock)
{
    private async Task EnsureRolesAsync()
    {
        foreach (var role in PortalRoles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    public Task<bool> AnyUserAsync(CancellationToken ct = default) => users.Users.AnyAsync(ct);

    /// <summary>Creates an account; with no password given, a strong one is generated and returned once.</summary>
    public async Task<AccountResult> CreateAsync(string email, string role, string? password = null)
    {
        await EnsureRolesAsync();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        password ??= GeneratePassword();
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: both passed Identity's duplicate check, the unique index stopped the
            // second. Answer as Identity does when the account already existed before.
            db.ChangeTracker.Clear();
            if (await users.FindByNameAsync(email) is null) throw;
            return AccountResult.From(IdentityResult.Failed(users.ErrorDescriber.DuplicateUserName(email)));
        }
        if (!created.Succeeded) return AccountResult.From(created);
        // Admins edit too.
        var roleNames = role == PortalRoles.Admin ? PortalRoles.All : [PortalRoles.Editor];
        return AccountResult.From(await users.AddToRolesAsync(user, roleNames), password);
    }

    public async Task<AccountResult> SetDisabledAsync(string userId, bool disabled)
    {
        // The state asked for is absolute, so when another request changed the account between our read and our write
        // (the same button clicked twice, a failed sign-in counted), it is applied again on the account as it now is.
        for (var attempt = 1; ; attempt++)
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null) return new(false, ["No such user."]);
            if (user.IsDisabled == disabled) return new(true, []) { Unchanged = true };
            user.IsDisabled = disabled;
            // One write: the new security stamp, which ends the user's sessions at their next validation, and the flag.
            var updated = await users.UpdateSecurityStampAsync(user);
            if (!IsConcurrencyFailure(updated) || attempt == 3) return AccountResult.From(updated);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The key a reset confirmation form carries. It is an Identity user token bound to this purpose and to the account's
    /// security stamp; a reset renews the stamp, so the same form sent again (a refresh, a double click) is refused.
    /// </summary>
    public async Task<string?> PasswordResetConfirmationAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user
            ? await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, ResetConfirmationPurpose)
            : null;

    private const string ResetConfirmationPurpose = "NewsPortal.AdminPasswordResetConfirmation";

    /// <summary>
    /// Replaces the password with a generated one (shown once) and ends the user's sessions, once per confirmation from
    /// <see cref="PasswordResetConfirmationAsync"/>.
    /// </summary>
    public async Task<AccountResult> ResetPasswordAsync(string userId, string? confirmation)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return new(false, ["No such user."]);
        if (string.IsNullOrEmpty(confirmation)
            || !await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, ResetConfirmationPurpose, confirmation))
            return StaleConfirmation;
        var password = GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        // The same form sent twice at once passes the check above twice; the store's concurrency stamp lets only the
        // first write through, so the second is that same used-up confirmation.
        if (IsConcurrencyFailure(reset)) return StaleConfirmation;
        if (reset.Succeeded) await users.SetLockoutEndDateAsync(user, null);
        return AccountResult.From(reset, password);
    }

    private static readonly AccountResult StaleConfirmation =
        new(false, ["This confirmation was already used, or the account changed since it was opened; nothing was reset."]) { WasStale = true };

    /// <summary>Identity's answer when another request changed the account between our read and our write.</summary>
    private static bool IsConcurrencyFailure(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));

    /// <summary>
    /// Creates the authenticator key of an account that has none and is not using two-step sign-in; the new key renews the
    /// security stamp. Returns the account as stored once a key was made, by this call or by the same request sent at the
    /// same moment (a double click), so that the caller re-issues its sign-in from the stamp that holds; null when the
    /// account already had a key.
    /// </summary>
    public async Task<PortalUser?> CreateAuthenticatorKeyAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The account is gone.");
        if (await users.GetTwoFactorEnabledAsync(user) || !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))) return null;
        try
        {
            var created = await users.ResetAuthenticatorKeyAsync(user);
            if (created.Succeeded) return user;
            if (!IsConcurrencyFailure(created)) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        catch (DbUpdateException)
        {
            // The twin request inserted the key's token row first; checked below.
        }
        db.ChangeTracker.Clear();
        var stored = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The account is gone.");
        return string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(stored))
            ? throw new InvalidOperationException("The authenticator key was not stored.")
            : stored;
    }

    public static string GeneratePassword()
    {
        // 20 characters from a 54-symbol alphabet without look-alikes: about 115 bits.
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
