using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Models;

namespace NewsPortal.Controllers;

/// <summary>Error pages in the site chrome; never shows exception details (the developer page does that in Development).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
// Error pages are re-executed with the failed request's method; a POST that failed must still get its page.
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    [Route("/error/{statusCode:int?}")]
    public IActionResult Show(int? statusCode)
    {
        var code = statusCode ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        var model = new ErrorViewModel(code, Activity.Current?.Id ?? HttpContext.TraceIdentifier);
        return View(code == StatusCodes.Status404NotFound ? "NotFound" : "Error", model);
    }
}
