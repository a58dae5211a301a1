using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsPortal.Core.News;
using NewsPortal.Hosting;
using NewsPortal.Models;

namespace NewsPortal.Controllers;

public sealed class NewsController(NewsQueries news, IOptions<SiteOptions> site, IOptions<ArchiveOptions> archive) : Controller
{
    [HttpGet("/news")]
    public Task<IActionResult> Index(int page = 1, CancellationToken ct = default) =>
        List("News", NewsFilter.All, "/news", page, ct);

    [HttpGet("/news/{year:int:range(1000,9999)}")]
    public Task<IActionResult> Year(int year, int page = 1, CancellationToken ct = default) =>
        List($"News from {year}", new NewsFilter(Year: year), $"/news/{year}", page, ct);

    [HttpGet("/sections/{name}")]
    public Task<IActionResult> Section(string name, int page = 1, CancellationToken ct = default) =>
        SectionNames.FromPath(name) is { } section
            ? List(SectionNames.HeadingOf(section), new NewsFilter(Section: section), $"/sections/{SectionNames.PathOf(section)}", page, ct)
            : Task.FromResult<IActionResult>(NotFound());

    [HttpGet("/news/{slug}")]
    public async Task<IActionResult> Item(string slug, CancellationToken ct)
    {
        var item = await news.BySlugAsync(slug, ct);
        if (item is not null) return View(NewsItemViewModel.From(item, archive.Value));
        if (!await news.WasDeletedAsync(slug, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status410Gone;
        return View("Gone");
    }

    private async Task<IActionResult> List(string heading, NewsFilter filter, string listPath, int page, CancellationToken ct)
    {
        // A page number that is not a number, or past the end, is a page that does not exist.
        if (!ModelState.IsValid) return NotFound();
        var result = await news.PageAsync(filter, page, site.Value.PageSize, ct);
        return result is null ? NotFound() : View("Index", new NewsListViewModel(heading, result, listPath));
    }
}
