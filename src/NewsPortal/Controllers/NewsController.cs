using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsPortal.Archive;
using NewsPortal.Core.Import;
using NewsPortal.Core.News;
using NewsPortal.Core.Rendering;
using NewsPortal.Hosting;
using NewsPortal.Models;

namespace NewsPortal.Controllers;

[OutputCache(PolicyName = PublicPageCaching.Policy)]
public sealed class NewsController(NewsQueries news, MarkdownRenderer markdown, IOptions<SiteOptions> site, IOptions<ArchiveOptions> archive) : Controller
{
    [HttpGet("/news")]
    public Task<IActionResult> Index(int page = 1, CancellationToken ct = default) =>
        List("News", NewsFilter.All, "/news", page, ct);

    [HttpGet("/news/{year:int:range(1000,9999)}")]
    public Task<IActionResult> Year(int year, int page = 1, CancellationToken ct = default) =>
        List($"News from {year}", new NewsFilter(Year: year), $"/news/{year}", page, ct);

    [HttpGet("/news/{year:int:range(1000,9999)}/{month:int:range(1,12)}")]
    public Task<IActionResult> Month(int year, int month, int page = 1, CancellationToken ct = default) =>
        List($"News from {ArchiveDateFormats.MonthName(month)} {year}", new NewsFilter(Year: year, Month: month), $"/news/{year}/{month:00}", page, ct);

    [HttpGet("/tags/{tag}")]
    public Task<IActionResult> Tag(string tag, int page = 1, CancellationToken ct = default) =>
        Slug.From(tag) is { Length: > 0 } normalized && normalized == tag
            ? List($"Tagged “{tag}”", new NewsFilter(Tag: tag), $"/tags/{tag}", page, ct)
            : Task.FromResult<IActionResult>(NotFound());

    [HttpGet("/sections/{name}")]
    public Task<IActionResult> Section(string name, int page = 1, CancellationToken ct = default) =>
        SectionNames.FromPath(name) is { } section
            ? List(SectionNames.HeadingOf(section), new NewsFilter(Section: section), $"/sections/{SectionNames.PathOf(section)}", page, ct)
            : Task.FromResult<IActionResult>(NotFound());

    [HttpGet("/news/{slug}")]
    public async Task<IActionResult> Item(string slug, CancellationToken ct)
    {
        var item = await news.BySlugAsync(slug, ct);
        if (item is null) return await NotFoundOrGoneAsync(slug, ct);
        var model = Describe(item);
        Memento.AddHeaders(Response, Memento.CaptureTime(item.ArchivedOn ?? archive.Value.ArchivedOn), model.OriginalUrl, model.TimeMapUrl);
        Response.GetTypedHeaders().LastModified = item.UpdatedAtUtc;
        return View(model);
    }

    /// <summary>A published revision at its own address: a later memento of the same original.</summary>
    [HttpGet("/news/{slug}/revisions/{number:int}")]
    public async Task<IActionResult> Revision(string slug, int number, CancellationToken ct)
    {
        var item = await news.BySlugAsync(slug, ct);
        if (item is null) return await NotFoundOrGoneAsync(slug, ct, $"/revisions/{number}");
        var revision = (await news.PublishedRevisionsAsync(item.Id, ct)).FirstOrDefault(r => r.Number == number);
        if (revision is null) return NotFound();

        var shown = new NewsItem { Id = item.Id, Slug = item.Slug, Title = revision.Content.Title };
        revision.Content.ApplyTo(shown);
        (shown.Slug, shown.SourceAddress, shown.ArchivedOn, shown.UpdatedAtUtc) = (item.Slug, item.SourceAddress, item.ArchivedOn, revision.SavedAtUtc);
        shown.BodyHtml = markdown.ToHtml(shown.Body);
        var model = Describe(shown) with { Revision = revision };
        Memento.AddHeaders(Response, revision.SavedAtUtc, model.OriginalUrl, model.TimeMapUrl);
        return View("Item", model);
    }

    [HttpGet("/news/{slug}/timemap")]
    public async Task<IActionResult> TimeMap(string slug, CancellationToken ct)
    {
        var item = await news.BySlugAsync(slug, ct);
        if (item is null) return await NotFoundOrGoneAsync(slug, ct, "/timemap");
        var model = Describe(item);
        var revisions = await news.PublishedRevisionsAsync(item.Id, ct);
        var body = Memento.TimeMap(model.OriginalUrl, model.TimeMapUrl, model.CanonicalUrl,
            Memento.CaptureTime(item.ArchivedOn ?? archive.Value.ArchivedOn), revisions, n => $"{model.CanonicalUrl}/revisions/{n}");
        return Content(body, Memento.TimeMapContentType + "; charset=utf-8");
    }

    private NewsItemViewModel Describe(NewsItem item)
    {
        var canonical = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/news/{Uri.EscapeDataString(item.Slug)}";
        var model = NewsItemViewModel.From(item, archive.Value);
        return model with
        {
            CanonicalUrl = canonical,
            TimeMapUrl = canonical + "/timemap",
            JsonLd = NewsArticleJsonLd.For(item, canonical, model.OriginalUrl, site.Value.Title),
        };
    }

    /// <summary>A renamed item's old address moves permanently to its new one; a deleted item's is gone (410).</summary>
    /// <param name="rest">What follows the slug in the address asked for (a revision, the TimeMap), kept in the redirect.</param>
    private async Task<IActionResult> NotFoundOrGoneAsync(string slug, CancellationToken ct, string rest = "")
    {
        if (await news.RenamedToAsync(slug, ct) is { } current) return RedirectPermanent($"/news/{Uri.EscapeDataString(current)}{rest}");
        if (!await news.WasDeletedAsync(slug, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status410Gone;
        return View("Gone");
    }

    private async Task<IActionResult> List(string heading, NewsFilter filter, string listPath, int page, CancellationToken ct)
    {
        // A page number that is not a number, or past the end, is a page that does not exist.
        if (!ModelState.IsValid) return NotFound();
        var result = await news.PageAsync(filter, page, site.Value.PageSize, ct);
        // Any year, month or tag can be typed into an address; one with no public item is no page (sections and the
        // whole list always exist, even while empty).
        if (result is null || (result.TotalCount == 0 && (filter.Year is not null || filter.Tag is not null))) return NotFound();
        return View("Index", new NewsListViewModel(heading, result, listPath));
    }
}
