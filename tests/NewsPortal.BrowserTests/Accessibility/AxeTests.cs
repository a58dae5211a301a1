using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Fixtures;

namespace NewsPortal.BrowserTests.Accessibility;

/// <summary>axe-core (bundled with the package, nothing downloaded) finds no WCAG 2.1 A/AA violation on the pages people use.</summary>
public sealed class AxeTests(BrowserPortalFixture portal) : IClassFixture<BrowserPortalFixture>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static TheoryData<string> PublicPages =>
        ["/", "/news", "/news/2012", "/news/2012/05", "/news/cybercrime-eu-us-cooperation-a-necessity", "/search?q=Europol",
         "/sections/speeches", "/about", "/no-such-page", "/news/cybercrime-eu-us-cooperation-a-necessity?print=1"];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_pages_have_no_violations(string path)
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync(path);

        AssertNoViolations(path, await page.RunAxe(Wcag21AA));
    }

    [Fact]
    public async Task The_sign_in_page_has_no_violations()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/admin/login");

        AssertNoViolations("/admin/login", await page.RunAxe(Wcag21AA));
    }

    [Fact]
    public async Task The_admin_pages_have_no_violations()
    {
        var page = await portal.SignedInEditorPageAsync();
        foreach (var path in new[] { "/admin/items", "/admin/items/new", "/admin/items/1/edit", "/admin/items/1/history", "/admin/import", "/admin/accessibility", "/admin/links", "/admin/items/deleted", "/admin/account", "/admin/account/password" })
        {
            await page.GotoAsync(path);
            AssertNoViolations(path, await page.RunAxe(Wcag21AA));
        }
    }

    [Fact]
    public async Task The_check_itself_catches_a_violation()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/about");
        await page.EvaluateAsync("() => { const img = document.createElement('img'); img.src = '/css/site.css'; document.querySelector('main').append(img); }");

        var result = await page.RunAxe(Wcag21AA);

        Assert.Contains(result.Violations, v => v.Id == "image-alt");
    }

    private static void AssertNoViolations(string path, AxeResult result)
    {
        var problems = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(problems.Count == 0, $"{path}:\n" + string.Join("\n", problems));
    }
}
