using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsPortal.Core.News;
using NewsPortal.Feeds;
using NewsPortal.Hosting;

namespace NewsPortal.Controllers;

public sealed class FeedController(NewsQueries news, IOptions<SiteOptions> site) : Controller
{
    [HttpGet("/feed.xml")]
    public async Task<IActionResult> Rss(CancellationToken ct)
    {
        var items = await news.LatestAsync(site.Value.FeedItemCount, ct);
        var baseUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var xml = RssFeedWriter.Write(site.Value.Title, site.Value.Subtitle, baseUrl, items);
        return File(xml, "application/rss+xml; charset=utf-8");
    }
}
