using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsPortal.Core.News;
using NewsPortal.Hosting;
using NewsPortal.Models;

namespace NewsPortal.Controllers;

public sealed class SearchController(NewsQueries news, IOptions<SiteOptions> site) : Controller
{
    private const int MaxQueryLength = 200;

    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken ct = default)
    {
        if (!ModelState.IsValid) return NotFound();
        var query = (q ?? "").Trim();
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];
        if (query.Length == 0) return View(new SearchViewModel("", null));
        var result = await news.SearchAsync(query, page, site.Value.PageSize, ct);
        return result is null ? NotFound() : View(new SearchViewModel(query, result));
    }
}
