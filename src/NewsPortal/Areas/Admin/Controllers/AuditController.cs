using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Auditing;
using NewsPortal.Hosting;

namespace NewsPortal.Areas.Admin.Controllers;

[Authorize(Policy = IdentityRegistration.AdminPolicy)]
public sealed class AuditController(AuditLog audit) : AdminController
{
    private const int Shown = 500;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await audit.LatestAsync(Shown, ct));
}
