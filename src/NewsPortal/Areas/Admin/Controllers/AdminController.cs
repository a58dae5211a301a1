using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Hosting;

namespace NewsPortal.Areas.Admin.Controllers;

/// <summary>Everything under /admin: editors only, antiforgery on every unsafe request, never cached.</summary>
[Area("Admin")]
[Authorize(Policy = IdentityRegistration.EditorPolicy)]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AdminController : Controller
{
    protected string UserName => User.Identity?.Name ?? "unknown";

    protected string? ClientAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>Redirects only to addresses on this site (no open redirect), else to the admin home.</summary>
    protected IActionResult RedirectToLocal(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect("/admin");
}
