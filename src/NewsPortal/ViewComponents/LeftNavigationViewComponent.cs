using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.News;
using NewsPortal.Models;

namespace NewsPortal.ViewComponents;

/// <summary>
/// The "Left navigation" column: fixed entries, the years that hold news with their counts, and, for the year
/// being browsed, its months with their counts.
/// </summary>
public sealed class LeftNavigationViewComponent(NewsQueries news) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var years = await news.YearsAsync(ct);
        var openYear = RouteData.Values.TryGetValue("year", out var value) && int.TryParse(value?.ToString(), CultureInfo.InvariantCulture, out var year) ? year : (int?)null;
        var months = openYear is { } y && years.Any(c => c.Year == y) ? await news.MonthsAsync(y, ct) : [];
        return View(new LeftNavigationViewModel(years, months));
    }
}
