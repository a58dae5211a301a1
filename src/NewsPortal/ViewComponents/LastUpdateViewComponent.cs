using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsPortal.Core.News;

namespace NewsPortal.ViewComponents;

/// <summary>The footer's "Last update": when public content last changed, or the archive date when nothing has.</summary>
public sealed class LastUpdateViewComponent(NewsQueries news, IOptions<ArchiveOptions> archive) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var last = await news.LastUpdateAsync(HttpContext.RequestAborted);
        var date = last is { } utc ? DateOnly.FromDateTime(utc) : archive.Value.ArchivedOn;
        return Content(date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
    }
}
