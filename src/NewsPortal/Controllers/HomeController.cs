using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsPortal.Core.News;
using NewsPortal.Hosting;
using NewsPortal.Models;

namespace NewsPortal.Controllers;

[OutputCache(PolicyName = PublicPageCaching.Policy)]
public sealed class HomeController(NewsQueries news, IOptions<SiteOptions> site) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new HomeViewModel(await news.LatestAsync(NewsFilter.All, site.Value.HomeItemCount, ct)));
}
