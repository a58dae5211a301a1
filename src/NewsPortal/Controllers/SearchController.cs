using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsPortal.Core.News;
using NewsPortal.Core.Search;
using NewsPortal.Hosting;
using NewsPortal.Models;

namespace NewsPortal.Controllers;

[OutputCache(PolicyName = PublicPageCaching.Policy)]
public sealed class SearchController(NewsSearch search, NewsQueries news, IOptions<SiteOptions> site) : Controller
{
    private const int MaxQueryLength = 200;

    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, int? year, string? section, int page = 1, CancellationToken ct = default)
    {
        if (!ModelState.IsValid || year is < 1000 or > 9999) return NotFound();
        var query = (q ?? "").Trim();
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];
        var sectionFilter = SectionNames.FromPath(section);
        var years = await news.YearsAsync(ct);
        if (query.Length == 0) return View(new SearchViewModel("", year, sectionFilter, years, null));
        var result = await search.SearchAsync(query, year, sectionFilter, page, site.Value.PageSize, ct);
        return result is null ? NotFound() : View(new SearchViewModel(query, year, sectionFilter, years, result));
    }
}
