using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.News;

namespace NewsPortal.Controllers;

/// <summary>
/// Addresses of the original site keep working: a path that an item came from answers 301 to the item's page.
/// Lowest route priority, so it only sees what no other page claims.
/// </summary>
public sealed class LegacyAddressController(NewsQueries news) : Controller
{
    // Every method, so an unknown address answers 404 whatever the method (not 405); nothing here changes state.
    [Route("{**path}", Order = int.MaxValue), IgnoreAntiforgeryToken]
    public async Task<IActionResult> Redirect(string? path, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(path) || !HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method)) return NotFound();
        var slug = await news.SlugForSourceAddressAsync(RequestTarget(), ct);
        return slug is null ? NotFound() : RedirectPermanent($"/news/{Uri.EscapeDataString(slug)}");
    }

    // The address as sent, escapes undecoded, when the server has it (Kestrel does): the decoded path cannot tell
    // "%252F" from "%2F". Otherwise (the test server, a path base, an absolute-form target) the decoded path, whose
    // only escapes left are "%2F".
    private string RequestTarget()
    {
        var raw = HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return !Request.PathBase.HasValue && raw is not null && raw.StartsWith('/')
            ? raw
            : OriginalAddress.FromDecodedPath(Request.Path.Value ?? "") + Request.QueryString.Value;
    }
}
