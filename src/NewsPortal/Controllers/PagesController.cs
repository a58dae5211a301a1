using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace NewsPortal.Controllers;

/// <summary>The service pages linked from the header.</summary>
[OutputCache(PolicyName = PublicPageCaching.Policy)]
public sealed class PagesController : Controller
{
    [HttpGet("/about")]
    public IActionResult About() => View();

    [HttpGet("/legal-notice")]
    public IActionResult LegalNotice() => View();

    [HttpGet("/contact")]
    public IActionResult Contact() => View();
}
