using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Areas.Admin.Models;
using NewsPortal.Core.Accounts;
using NewsPortal.Core.Auditing;
using NewsPortal.Hosting;

namespace NewsPortal.Areas.Admin.Controllers;

/// <summary>Administrators create editors, disable them and reset their passwords (a generated one, shown once).</summary>
[Authorize(Policy = IdentityRegistration.AdminPolicy)]
public sealed class UsersController(UserManager<PortalUser> users, AccountAdministration accounts, AuditLog audit) : AdminController
{
    [HttpGet("/admin/users")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new UsersViewModel(await RowsAsync(ct), null));

    [HttpGet("/admin/users/new")]
    public IActionResult Create() => View(new NewUserModel());

    [HttpPost("/admin/users/new")]
    public async Task<IActionResult> Create(NewUserModel model, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(model);
        var result = await accounts.CreateAsync(model.Email.Trim(), model.IsAdmin ? PortalRoles.Admin : PortalRoles.Editor);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(nameof(model.Email), error);
            return View(model);
        }
        await audit.WriteAsync(AuditEventKind.UserCreated, UserName, model.Email, model.IsAdmin ? "admin" : "editor", ClientAddress, ct);
        return View(nameof(Index), new UsersViewModel(await RowsAsync(ct), "created", model.Email, result.GeneratedPassword));
    }

    [HttpPost("/admin/users/{id}/disable")]
    public Task<IActionResult> Disable([FromRoute] string id, CancellationToken ct) => SetDisabled(id, true, ct);

    [HttpPost("/admin/users/{id}/enable")]
    public Task<IActionResult> Enable([FromRoute] string id, CancellationToken ct) => SetDisabled(id, false, ct);

    /// <summary>Asks before resetting: the reset ends the user's sessions and their password stops working.</summary>
    [HttpGet("/admin/users/{id}/reset-password")]
    public async Task<IActionResult> ResetPassword([FromRoute] string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var confirmation = await accounts.PasswordResetConfirmationAsync(id);
        return View("ResetPassword", new ResetPasswordConfirmationModel(user.Id, user.Email ?? user.UserName ?? user.Id, confirmation!));
    }

    // The new password is shown in this POST's own answer (never in an address, TempData or the log). Sending the same
    // form again, e.g. by refreshing this answer, finds its confirmation used up and resets nothing.
    [HttpPost("/admin/users/{id}/reset-password")]
    public async Task<IActionResult> ResetPassword([FromRoute] string id, [FromForm] string? confirmation, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var result = await accounts.ResetPasswordAsync(id, confirmation);
        if (result.WasStale)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Index), new UsersViewModel(await RowsAsync(ct), "reset-stale", user.Email));
        }
        if (!result.Succeeded) return Problem(string.Join(" ", result.Errors));
        await audit.WriteAsync(AuditEventKind.PasswordReset, UserName, user.Email, null, ClientAddress, ct);
        return View(nameof(Index), new UsersViewModel(await RowsAsync(ct), "reset", user.Email, result.GeneratedPassword));
    }

    private async Task<IActionResult> SetDisabled([FromRoute] string id, bool disabled, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (user.UserName == UserName)
            return View(nameof(Index), new UsersViewModel(await RowsAsync(ct), "self"));
        var result = await accounts.SetDisabledAsync(id, disabled);
        if (!result.Succeeded) return Problem(string.Join(" ", result.Errors));
        // Already so (a second click): the answer is the same, the audit log keeps the one change.
        if (!result.Unchanged)
            await audit.WriteAsync(disabled ? AuditEventKind.UserDisabled : AuditEventKind.UserEnabled, UserName, user.Email, null, ClientAddress, ct);
        return View(nameof(Index), new UsersViewModel(await RowsAsync(ct), disabled ? "disabled" : "enabled", user.Email));
    }

    private async Task<IReadOnlyList<UserRow>> RowsAsync(CancellationToken ct)
    {
        var admins = (await users.GetUsersInRoleAsync(PortalRoles.Admin)).Select(u => u.Id).ToHashSet();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        return all.Select(u => new UserRow(u.Id, u.Email ?? u.UserName ?? u.Id, admins.Contains(u.Id), u.IsDisabled, u.LockoutEnd > now, u.TwoFactorEnabled)).ToList();
    }
}
