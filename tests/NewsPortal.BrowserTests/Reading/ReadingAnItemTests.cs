using Microsoft.Playwright;
using NewsPortal.BrowserTests.Fixtures;

namespace NewsPortal.BrowserTests.Reading;

public sealed class ReadingAnItemTests(BrowserPortalFixture portal) : IClassFixture<BrowserPortalFixture>
{
    private const string ItemTitle = "Cybercrime: \"EU-US cooperation a necessity\"";

    [Fact]
    public async Task A_reader_goes_from_the_home_page_to_the_item_and_sees_it_whole()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = ItemTitle }).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(portal.BaseAddress, "/news/cybercrime-eu-us-cooperation-a-necessity").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ItemTitle);
        await Assertions.Expect(page.Locator("article .news-date")).ToHaveTextAsync("3 May 2012");
        await Assertions.Expect(page.Locator("article figcaption .photo-credit")).ToHaveTextAsync("Photo: CSIS");
        await Assertions.Expect(page.Locator("article .news-body p")).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Read Cecilia Malmström's full speech" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Watch a video from the conference at csis.org" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("This site has been archived on (2014/11/18)")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_region_headings_are_there_for_screen_readers_but_not_on_screen()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/news/cybercrime-eu-us-cooperation-a-necessity");

        foreach (var name in new[] { "Navigation path", "Left navigation", "Additional tools" })
        {
            var heading = page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 2 });
            await Assertions.Expect(heading).ToHaveCountAsync(1);
            var box = await heading.BoundingBoxAsync();
            Assert.True(box is null || box.Width <= 1 && box.Height <= 1, $"'{name}' is visible on screen");
        }
    }

    [Fact]
    public async Task Larger_and_smaller_text_change_the_size_and_are_remembered()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/news/cybercrime-eu-us-cooperation-a-necessity");
        var body = page.Locator("article .news-body p").First;
        var normal = await FontSizeAsync(body);

        await page.GetByRole(AriaRole.Button, new() { Name = "Larger text" }).ClickAsync();
        var larger = await FontSizeAsync(body);
        Assert.True(larger > normal, $"larger {larger} <= normal {normal}");

        await page.ReloadAsync();
        Assert.Equal(larger, await FontSizeAsync(page.Locator("article .news-body p").First));

        await page.GetByRole(AriaRole.Button, new() { Name = "Smaller text" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Smaller text" }).ClickAsync();
        Assert.True(await FontSizeAsync(body) < normal);
    }

    [Fact]
    public async Task With_site_data_blocked_the_text_size_tools_still_work_on_the_page()
    {
        var page = await portal.NewPageAsync();
        // As in a browser that refuses this site's storage: every use of localStorage throws.
        await page.AddInitScriptAsync("Object.defineProperty(window, 'localStorage', { get: function () { throw new DOMException('blocked', 'SecurityError'); } });");
        await page.GotoAsync("/news/cybercrime-eu-us-cooperation-a-necessity");
        var body = page.Locator("article .news-body p").First;
        var normal = await FontSizeAsync(body);

        await page.GetByRole(AriaRole.Button, new() { Name = "Larger text" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Larger text" }).ClickAsync();

        Assert.True(await FontSizeAsync(body) > normal);
    }

    [Fact]
    public async Task A_remembered_text_size_is_there_from_the_first_frame_without_a_jump()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/about");
        await page.GetByRole(AriaRole.Button, new() { Name = "Larger text" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Larger text" }).ClickAsync();
        // Noted in the first animation frame, which comes before the first paint.
        await page.AddInitScriptAsync("requestAnimationFrame(function () { window.firstFrameClasses = document.documentElement.className; });");
        // Scripts arrive late, as on a slow connection: a size applied only once a script has arrived after the first
        // frame would be missing from it.
        await page.RouteAsync("**/js/*.js", async route =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await route.ContinueAsync();
        });

        await page.GotoAsync("/news/cybercrime-eu-us-cooperation-a-necessity");

        Assert.Contains("text-size-4", await page.EvaluateAsync<string>("() => window.firstFrameClasses"));
    }

    [Fact]
    public async Task Without_javascript_the_page_reads_fully_and_print_opens_the_print_version()
    {
        var page = await portal.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/news/cybercrime-eu-us-cooperation-a-necessity");

        await Assertions.Expect(page.Locator("article .news-body p")).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Larger text" })).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Print version" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?print=1$"));
        await Assertions.Expect(page.Locator("nav.left-nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ItemTitle);
        await Assertions.Expect(page.Locator("article .source")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_skip_link_moves_focus_to_the_content()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main#content")).ToBeFocusedAsync();
    }

    private static async Task<double> FontSizeAsync(ILocator element) =>
        await element.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");

    [Fact]
    public async Task A_printed_page_ends_with_the_date_of_its_last_update_and_no_dangling_separator()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/news/cybercrime-eu-us-cooperation-a-necessity");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // innerText is what is drawn: the "Top" link is left out of print, and so must be the " | " before it.
        var footer = (await page.Locator("footer").InnerTextAsync()).Trim();

        Assert.Matches(@"^Last update: \d{2}/\d{2}/\d{4}$", footer);
    }
}
