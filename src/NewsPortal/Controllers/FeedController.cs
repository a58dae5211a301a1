using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsPortal.Core.News;
using NewsPortal.Feeds;
using NewsPortal.Hosting;
using NewsPortal.Models;

namespace NewsPortal.Controllers;

/// <summary>RSS and Atom for the site and each section; the sitemap and robots.txt for search engines.</summary>
[OutputCache(PolicyName = PublicPageCaching.Policy)]
public sealed class FeedController(NewsQueries news, IOptions<SiteOptions> site) : Controller
{
    private string BaseUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

    [HttpGet("/feed.xml")]
    public Task<IActionResult> Rss(CancellationToken ct) => RssFor(NewsFilter.All, site.Value.Title, "/", ct);

    [HttpGet("/feed.atom")]
    public Task<IActionResult> Atom(CancellationToken ct) => AtomFor(NewsFilter.All, site.Value.Title, "/", ct);

    [HttpGet("/sections/{name}/feed.xml")]
    public Task<IActionResult> SectionRss(string name, CancellationToken ct) =>
        SectionNames.FromPath(name) is { } section
            ? RssFor(new NewsFilter(Section: section), $"{site.Value.Title}: {SectionNames.HeadingOf(section)}", $"/sections/{SectionNames.PathOf(section)}", ct)
            : Task.FromResult<IActionResult>(NotFound());

    [HttpGet("/sections/{name}/feed.atom")]
    public Task<IActionResult> SectionAtom(string name, CancellationToken ct) =>
        SectionNames.FromPath(name) is { } section
            ? AtomFor(new NewsFilter(Section: section), $"{site.Value.Title}: {SectionNames.HeadingOf(section)}", $"/sections/{SectionNames.PathOf(section)}", ct)
            : Task.FromResult<IActionResult>(NotFound());

    [HttpGet("/tags/{tag}/feed.xml")]
    public Task<IActionResult> TagRss(string tag, CancellationToken ct) =>
        IsTag(tag) ? RssFor(new NewsFilter(Tag: tag), $"{site.Value.Title}: {tag}", $"/tags/{tag}", ct) : Task.FromResult<IActionResult>(NotFound());

    [HttpGet("/tags/{tag}/feed.atom")]
    public Task<IActionResult> TagAtom(string tag, CancellationToken ct) =>
        IsTag(tag) ? AtomFor(new NewsFilter(Tag: tag), $"{site.Value.Title}: {tag}", $"/tags/{tag}", ct) : Task.FromResult<IActionResult>(NotFound());

    private static bool IsTag(string tag) => Slug.From(tag) == tag && tag.Length > 0;

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken ct)
    {
        var count = await news.PublicCountAsync(ct);
        var pageSize = site.Value.SitemapPageSize;
        if (count + 2 > pageSize)
        {
            var pages = (count + pageSize - 1) / pageSize;
            return Xml(SitemapWriter.Index(Enumerable.Range(1, pages).Select(n => $"{BaseUrl}/sitemaps/{n}.xml")));
        }
        var items = await news.SitemapPageAsync(0, pageSize, ct);
        return Xml(SitemapWriter.UrlSet(new (string, DateTime?)[] { ($"{BaseUrl}/", null), ($"{BaseUrl}/news", null) }.Concat(ItemUrls(items))));
    }

    [HttpGet("/sitemaps/{page:int:min(1)}.xml")]
    public async Task<IActionResult> SitemapPage(int page, CancellationToken ct)
    {
        var pageSize = site.Value.SitemapPageSize;
        var items = await news.SitemapPageAsync((page - 1) * pageSize, pageSize, ct);
        return items.Count == 0 ? NotFound() : Xml(SitemapWriter.UrlSet(ItemUrls(items)));
    }

    [HttpGet("/robots.txt")]
    public IActionResult Robots() =>
        Content($"User-agent: *\nDisallow: /admin\nSitemap: {BaseUrl}/sitemap.xml\n", "text/plain; charset=utf-8");

    private IEnumerable<(string, DateTime?)> ItemUrls(IEnumerable<(string Slug, DateTime UpdatedAtUtc)> items) =>
        items.Select(i => ($"{BaseUrl}/news/{Uri.EscapeDataString(i.Slug)}", (DateTime?)i.UpdatedAtUtc));

    // pagePath: the page the feed follows (the section's, the tag's), which feed readers open as the feed's website.
    private async Task<IActionResult> RssFor(NewsFilter filter, string title, string pagePath, CancellationToken ct)
    {
        var items = await news.LatestAsync(filter, site.Value.FeedItemCount, ct);
        if (items.Count == 0 && filter.Tag is not null) return NotFound(); // as the tag's page: no public item, no tag
        var updated = await news.LastUpdateAsync(ct) ?? DateTime.UnixEpoch;
        return File(RssFeedWriter.Write(title, site.Value.Subtitle, site.Value.Language, $"{BaseUrl}{Request.Path}", BaseUrl, BaseUrl + pagePath, updated, items), "application/rss+xml; charset=utf-8");
    }

    private async Task<IActionResult> AtomFor(NewsFilter filter, string title, string pagePath, CancellationToken ct)
    {
        var items = await news.LatestAsync(filter, site.Value.FeedItemCount, ct);
        if (items.Count == 0 && filter.Tag is not null) return NotFound(); // as the tag's page: no public item, no tag
        var updated = await news.LastUpdateAsync(ct) ?? DateTime.UnixEpoch;
        return File(AtomFeedWriter.Write(title, site.Value.Title, site.Value.Language, $"{BaseUrl}{Request.Path}", BaseUrl, BaseUrl + pagePath, updated, items), "application/atom+xml; charset=utf-8");
    }

    private FileContentResult Xml(byte[] document) => File(document, "application/xml; charset=utf-8");
}
