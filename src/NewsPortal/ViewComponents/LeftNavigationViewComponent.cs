using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.News;

namespace NewsPortal.ViewComponents;

/// <summary>The "Left navigation" column: fixed entries plus the years that hold news, with their counts.</summary>
public sealed class LeftNavigationViewComponent(NewsQueries news) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await news.YearsAsync(HttpContext.RequestAborted));
}
