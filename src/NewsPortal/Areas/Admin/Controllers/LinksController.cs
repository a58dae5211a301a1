using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Links;

namespace NewsPortal.Areas.Admin.Controllers;

/// <summary>The link-rot watch's findings: links on watched hosts that no longer work, and the items that carry them.</summary>
public sealed class LinksController(LinkWatch watch) : AdminController
{
    [HttpGet("/admin/links")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await watch.ReportAsync(ct));
}
