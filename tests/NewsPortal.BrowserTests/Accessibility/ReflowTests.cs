using Microsoft.Playwright;
using NewsPortal.BrowserTests.Fixtures;

namespace NewsPortal.BrowserTests.Accessibility;

/// <summary>
/// WCAG 1.4.10 Reflow: at 320 CSS pixels wide (a 1280-pixel window zoomed to 400%) a page reads without scrolling
/// sideways, also at the largest size of the text tools.
/// </summary>
public sealed class ReflowTests(BrowserPortalFixture portal) : IClassFixture<BrowserPortalFixture>
{
    public static TheoryData<string> PublicPages =>
        ["/", "/news", "/news/2012/05", "/news/cybercrime-eu-us-cooperation-a-necessity", "/search?q=Europol", "/about"];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_page_fits_320_pixels_without_sideways_scrolling(string path)
    {
        var page = await NarrowPageAsync(path);

        Assert.Equal("", await WiderThanTheWindowAsync(page));
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_page_fits_320_pixels_at_the_largest_text_size(string path)
    {
        var page = await NarrowPageAsync(path);
        for (var i = 0; i < 5; i++) await page.GetByRole(AriaRole.Button, new() { Name = "Larger text" }).ClickAsync();

        Assert.Equal("", await WiderThanTheWindowAsync(page));
    }

    private async Task<IPage> NarrowPageAsync(string path)
    {
        var page = await portal.NewPageAsync();
        await page.SetViewportSizeAsync(320, 640);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Empty when the page fits; else the elements reaching past the window's right edge, to say which.</summary>
    private static async Task<string> WiderThanTheWindowAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
            ? ""
            : await page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                    .map(e => `${e.tagName.toLowerCase()}.${e.className}`).join(' ') || 'the page'
                """);
}
