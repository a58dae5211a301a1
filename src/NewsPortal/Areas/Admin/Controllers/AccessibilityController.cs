using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Accessibility;

namespace NewsPortal.Areas.Admin.Controllers;

/// <summary>The whole-archive accessibility check: what in the items' content fails WCAG 2.1, item by item.</summary>
public sealed class AccessibilityController(ArchiveAccessibilityCheck check) : AdminController
{
    [HttpGet("/admin/accessibility")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await check.RunAsync(ct));
}
