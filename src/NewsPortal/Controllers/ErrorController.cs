using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Storage;
using NewsPortal.Models;

namespace NewsPortal.Controllers;

/// <summary>Error pages in the site chrome; never shows exception details (the developer page does that in Development).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
// Error pages are re-executed with the failed request's method; a POST that failed must still get its page.
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    // No action parameters: binding any of them reads the failed request's body too, and when that body was the
    // problem (a truncated form) the binding fails and the 400 would become a 500.
    [Route("/error/{statusCode:int?}")]
    public IActionResult Show()
    {
        // Only for a failure or a status page being re-executed: asked for by its address, /error/200 would be an error
        // page answering 200, /error/301 a redirect to nowhere and /error/99 a broken connection.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is null && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
            return NotFound();
        int? statusCode = int.TryParse(RouteData.Values["statusCode"] as string, System.Globalization.CultureInfo.InvariantCulture, out var routed) ? routed : null;
        if (DatabaseFailure.Classify(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error) is { } failure)
            return DatabaseProblem(failure);

        var code = statusCode ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        var model = new ErrorViewModel(code, Activity.Current?.Id ?? HttpContext.TraceIdentifier);
        return View(code == StatusCodes.Status404NotFound ? "NotFound" : "Error", model);
    }

    /// <summary>
    /// A failed write was rolled back whole; say so, and when to come back. Load balancers and browsers understand
    /// 503 with Retry-After; a full disk is 507, which no retry will fix.
    /// </summary>
    private ViewResult DatabaseProblem(DatabaseFailureKind failure)
    {
        Response.StatusCode = failure == DatabaseFailureKind.Full ? StatusCodes.Status507InsufficientStorage : StatusCodes.Status503ServiceUnavailable;
        if (failure != DatabaseFailureKind.Full)
            Response.Headers.RetryAfter = failure == DatabaseFailureKind.Busy ? "5" : "30";
        Response.Headers.CacheControl = "no-store";
        var wasWrite = !(HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method));
        return View("DatabaseProblem", new DatabaseProblemViewModel(failure, wasWrite));
    }
}
