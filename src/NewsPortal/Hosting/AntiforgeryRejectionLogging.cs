using Microsoft.AspNetCore.Mvc.Filters;
using NewsPortal.Core.Auditing;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace NewsPortal.Hosting;

/// <summary>
/// A form posted without a valid antiforgery token (a forged cross-site request, or a form from an ended session) is
/// refused with 400 by the framework, silently; this writes it down as a security event. Only to the log, not the
/// audit table, as anyone on the internet can send these.
/// </summary>
public sealed class AntiforgeryRejectionLogging(ILogger<AntiforgeryRejectionLogging> logger) : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not IAntiforgeryValidationFailedResult) return;
        var http = context.HttpContext;
        logger.SecurityEvent(LogLevel.Warning, "AntiforgeryRejected", http.User.Identity?.Name, $"{http.Request.Method} {http.Request.Path}",
            http.Connection.RemoteIpAddress?.ToString());
    }

    public void OnResultExecuted(ResultExecutedContext context) { }
}
