using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsPortal.Areas.Admin.Models;
using NewsPortal.Core.Accounts;
using NewsPortal.Core.Auditing;
using NewsPortal.Hosting;
using QRCoder;

namespace NewsPortal.Areas.Admin.Controllers;

public sealed class AccountController(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AccountAdministration accounts, AuditLog audit, ILogger<AccountController> logger) : AdminController
{
    // One message for every failed sign-in, so the page never tells whether an account exists or is locked.
    private const string WrongCurrentPassword = "The current password is wrong, or the account is locked for a few minutes after repeated failures.";
    private const string SignInFailed = "Sign-in failed: wrong e-mail or password, or the account is locked for a few minutes.";
    private static readonly Lazy<string> TimingDummyHash = new(() => new PasswordHasher<PortalUser>().HashPassword(new PortalUser(), Guid.NewGuid().ToString()));

    [AllowAnonymous, HttpGet("/admin/login")]
    public IActionResult Login(string? returnUrl) => View(new LoginModel { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("/admin/login"), EnableRateLimiting(IdentityRegistration.LoginRateLimit)]
    public async Task<IActionResult> Login(LoginModel model)
    {
        if (!ModelState.IsValid) return View(model);

        var user = await users.FindByEmailAsync(model.Email);
        if (user is null)
        {
            // Spend the same hashing time as for a real account (no enumeration by timing).
            users.PasswordHasher.VerifyHashedPassword(new PortalUser(), TimingDummyHash.Value, model.Password);
            await audit.WriteAsync(AuditEventKind.SignInFailed, model.Email, null, "unknown account", ClientAddress);
            return LoginFailed(model);
        }

        // A locked or disabled account is refused before the password is hashed; hash anyway, or the quicker answer
        // would tell that the account exists.
        var refusedUnchecked = await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user);
        var result = await signIn.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (refusedUnchecked) users.PasswordHasher.VerifyHashedPassword(new PortalUser(), TimingDummyHash.Value, model.Password);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditEventKind.SignIn, user.Email, null, null, ClientAddress);
            return RedirectToLocal(model.ReturnUrl);
        }
        if (result.RequiresTwoFactor)
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = model.ReturnUrl });

        var kind = result.IsLockedOut ? AuditEventKind.LockedOut : AuditEventKind.SignInFailed;
        await audit.WriteAsync(kind, user.Email, null, result.IsNotAllowed ? "account disabled" : null, ClientAddress);
        return LoginFailed(model);
    }

    [AllowAnonymous, HttpGet("/admin/login/two-factor")]
    public async Task<IActionResult> TwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToAction(nameof(Login)) : View(new TwoFactorModel { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("/admin/login/two-factor"), EnableRateLimiting(IdentityRegistration.LoginRateLimit)]
    public async Task<IActionResult> TwoFactor(TwoFactorModel model)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToAction(nameof(Login));
        if (!ModelState.IsValid) return View(model);

        // Recovery codes are stored as shown ("ab12c-3de45"); authenticator codes are digits, spaces tolerated.
        var code = model.Code.Trim().Replace(" ", "");
        var result = model.IsRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace("-", ""), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditEventKind.SignIn, user.Email, null, model.IsRecoveryCode ? "with recovery code" : "with authenticator", ClientAddress);
            return RedirectToLocal(model.ReturnUrl);
        }
        await audit.WriteAsync(result.IsLockedOut ? AuditEventKind.LockedOut : AuditEventKind.SignInFailed, user.Email, null, "second factor", ClientAddress);
        ModelState.AddModelError(nameof(model.Code), "That code is not valid (codes work once).");
        return View(model);
    }

    [HttpPost("/admin/logout")]
    public async Task<IActionResult> Logout()
    {
        // The cookie alone cannot be revoked; a new security stamp makes copies of it worthless.
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        await audit.WriteAsync(AuditEventKind.SignOut, UserName, null, null, ClientAddress);
        return Redirect("/admin/login");
    }

    [AllowAnonymous, HttpGet("/admin/access-denied")]
    public IActionResult AccessDenied([FromQuery] string? returnUrl)
    {
        logger.SecurityEvent(LogLevel.Warning, "AccessDenied", UserName, returnUrl, ClientAddress);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [HttpGet("/admin/account")]
    public async Task<IActionResult> Manage()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        return View(await AuthenticatorModelFor(user));
    }

    /// <summary>
    /// Creates the authenticator key on an explicit request. Identity's template creates it when the page is first
    /// opened, but ResetAuthenticatorKeyAsync also renews the security stamp (a new key must void the old one), so a GET
    /// would change the account and end its other sessions. Writing the key token directly to skip the stamp would rely
    /// on the store's internal token names and still be a change made by a GET; a POST is the sound place for it.
    /// </summary>
    [HttpPost("/admin/account/authenticator/setup")]
    public async Task<IActionResult> SetUpAuthenticator()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        // The new stamp ends the other sessions, as any change to sign-in does; this one continues.
        if (await accounts.CreateAuthenticatorKeyAsync(user.Id) is { } changed) await signIn.RefreshSignInAsync(changed);
        return Redirect("/admin/account");
    }

    [HttpGet("/admin/account/password")]
    public IActionResult ChangePassword() => View(new ChangePasswordModel());

    [HttpPost("/admin/account/password"), EnableRateLimiting(IdentityRegistration.LoginRateLimit)]
    public async Task<IActionResult> ChangePassword(ChangePasswordModel model)
    {
        if (!ModelState.IsValid) return View(model);
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (!await CurrentPasswordMatchesAsync(user, model.CurrentPassword))
        {
            ModelState.AddModelError(nameof(model.CurrentPassword), WrongCurrentPassword);
            return View(model);
        }
        var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(model.CurrentPassword) : nameof(model.NewPassword),
                    error.Code == "PasswordMismatch" ? WrongCurrentPassword : error.Description);
            return View(model);
        }
        // ChangePassword renewed the security stamp: other sessions end; this one is re-issued.
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditEventKind.PasswordChanged, user.Email, null, null, ClientAddress);
        return Redirect("/admin/account?changed=password");
    }

    [HttpPost("/admin/account/authenticator")]
    public async Task<IActionResult> EnableAuthenticator(AuthenticatorModel model)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        var code = model.Code.Replace(" ", "").Replace("-", "");
        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            // The same form sent twice (a double click) finds its code used by the first, which turned two-step sign-in on
            // and renewed the stamp. The browser may show only this answer and never get the first one's cookie, so this
            // one carries the session on too; only to a request that holds that very code, which a stolen session does not.
            if (await users.FindByIdAsync(user.Id) is { TwoFactorEnabled: true } turnedOn
                && await SingleUseAuthenticatorTokenProvider.IsLastUsedCodeAsync(users, turnedOn, code))
            {
                await signIn.RefreshSignInAsync(turnedOn);
                var already = await AuthenticatorModelFor(turnedOn);
                already.TurnedOnByEarlierRequest = true;
                return View(nameof(Manage), already);
            }
            ModelState.AddModelError(nameof(model.Code), "That code is not valid; check the time on your device and try again.");
            return View(nameof(Manage), await AuthenticatorModelFor(user));
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        // Turning two-step sign-in on renews the security stamp: other sessions end, this one continues.
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditEventKind.TwoFactorEnabled, user.Email, null, null, ClientAddress);
        var view = await AuthenticatorModelFor(user);
        view.NewRecoveryCodes = recoveryCodes.ToList();
        return View(nameof(Manage), view);
    }

    [HttpPost("/admin/account/authenticator/disable"), EnableRateLimiting(IdentityRegistration.LoginRateLimit)]
    public async Task<IActionResult> DisableAuthenticator(string? currentPassword)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        // A stolen session alone must not be able to remove the second factor.
        if (!await CurrentPasswordMatchesAsync(user, currentPassword))
        {
            ModelState.AddModelError("currentPassword", "Enter your current password to turn two-step sign-in off.");
            return View(nameof(Manage), await AuthenticatorModelFor(user));
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditEventKind.TwoFactorDisabled, user.Email, null, null, ClientAddress);
        return Redirect("/admin/account");
    }

    /// <summary>
    /// Checks the signed-in user's password before a change to the account. A wrong one counts towards the lockout and is
    /// audited, as at sign-in, so that a stolen session cannot be used to guess the password; a locked account fails.
    /// </summary>
    private async Task<bool> CurrentPasswordMatchesAsync(PortalUser user, string? password)
    {
        if (await users.IsLockedOutAsync(user)) return false;
        if (!string.IsNullOrEmpty(password) && await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }
        await users.AccessFailedAsync(user);
        var locked = await users.IsLockedOutAsync(user);
        await audit.WriteAsync(locked ? AuditEventKind.LockedOut : AuditEventKind.SignInFailed, user.Email, null, "wrong current password", ClientAddress);
        return false;
    }

    private IActionResult LoginFailed(LoginModel model)
    {
        ModelState.AddModelError("", SignInFailed);
        model.Password = "";
        return View(model);
    }

    private async Task<AuthenticatorModel> AuthenticatorModelFor(PortalUser user)
    {
        var model = new AuthenticatorModel
        {
            IsEnabled = await users.GetTwoFactorEnabledAsync(user),
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user),
        };
        // Only read here: the key is created by SetUpAuthenticator (a POST), never by showing the page.
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (model.IsEnabled || string.IsNullOrEmpty(key)) return model;
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode("NewsPortal")}:{UrlEncoder.Default.Encode(user.Email ?? "")}?secret={key}&issuer=NewsPortal&digits=6";
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        model.SharedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        model.AuthenticatorUri = uri;
        model.QrCodeSvg = new SvgQRCode(qr).GetGraphic(4);
        return model;
    }
}
