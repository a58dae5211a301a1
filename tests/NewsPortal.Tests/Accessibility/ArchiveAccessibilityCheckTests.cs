using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Accessibility;
using NewsPortal.Core.Editing;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Accessibility;

/// <summary>
/// The whole-archive accessibility check: an editor sees which items' content fails WCAG 2.1 and why, and can go
/// straight to the item to mend it; operators get the same report from the command line.
/// </summary>
public sealed class ArchiveAccessibilityCheckTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static IReadOnlyList<string> RulesFailedBy(string markdown, NewsPhoto? photo = null) =>
        ContentAccessibility.Check(photo, new Core.Rendering.MarkdownRenderer().ToHtml(markdown)).Select(p => p.Rule).ToList();

    [Theory]
    [InlineData("# A second title\n\nText.", ContentAccessibility.BodyTitleHeading)]
    [InlineData("## Part one\n\n#### A detail", ContentAccessibility.SkippedHeading)]
    [InlineData("See ![](/media/0123456789abcdef0123456789abcdef.jpg) here.", ContentAccessibility.ImageAlt)]
    [InlineData("A link without words: [](https://ec.europa.eu/).", ContentAccessibility.EmptyLink)]
    public void Each_rule_finds_its_problem_in_a_body(string markdown, string rule) =>
        Assert.Equal([rule], RulesFailedBy(markdown));

    [Fact]
    public void Well_made_content_and_archived_wording_pass()
    {
        var body = "## Part one\n\n### A detail\n\n## Part two\n\nRead the full speech [here](https://europa.eu/rapid/SPEECH-12-330_en.htm), " +
                   "and [![A still from the video](/media/0123456789abcdef0123456789abcdef.jpg)](https://ec.europa.eu/avservices/).";

        Assert.Empty(RulesFailedBy(body, new NewsPhoto { FileName = "0123456789abcdef0123456789abcdef.jpg", AltText = "The Commissioner at a lectern" }));
    }

    [Fact]
    public void A_photo_without_alternative_text_is_a_problem_and_no_photo_is_not()
    {
        Assert.Equal([ContentAccessibility.PhotoAlt], RulesFailedBy("Text.", new NewsPhoto { FileName = "0123456789abcdef0123456789abcdef.jpg", Caption = "A caption is not a description" }));
        Assert.Empty(RulesFailedBy("Text."));
    }

    [Fact]
    public async Task An_editor_sees_the_items_to_mend_with_the_criterion_and_a_link_to_the_form()
    {
        var title = $"Heading trouble {Guid.NewGuid():N}";
        var item = await new NewsItemBuilder().Titled(title).WithBody("# Shouting\n\n#### Whispering").WithStatus(NewsStatus.Draft).SaveAsync(factory.Services);
        var fine = await new NewsItemBuilder().Titled($"Nothing to mend {Guid.NewGuid():N}").SaveAsync(factory.Services);
        var editor = await EditorSession.SignInAsync(factory);

        var (response, page) = await editor.GetAsync("/admin/accessibility");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = page.QuerySelector($"li[data-item='{item.Id}']");
        Assert.NotNull(entry);
        Assert.Equal($"/admin/items/{item.Id}/edit", entry.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(title, entry.QuerySelector("a")!.TextContent);
        Assert.Equal([ContentAccessibility.BodyTitleHeading, ContentAccessibility.SkippedHeading],
            entry.QuerySelectorAll("li[data-rule]").Select(li => li.GetAttribute("data-rule")));
        Assert.Contains("“Shouting” is at level 1", entry.QuerySelector($"li[data-rule='{ContentAccessibility.BodyTitleHeading}']")!.TextContent);
        Assert.Contains("WCAG 1.3.1 Info and Relationships", entry.TextContent);
        Assert.Null(page.QuerySelector($"li[data-item='{fine.Id}']"));
        Assert.NotNull(page.QuerySelector("nav a[href='/admin/accessibility']"));
    }

    [Fact]
    public async Task A_deleted_item_is_not_reported()
    {
        var item = await new NewsItemBuilder().WithBody("# Gone").SaveAsync(factory.Services);
        await factory.WithScopeAsync(async s =>
        {
            var editor = s.GetRequiredService<NewsEditor>();
            var current = await s.GetRequiredService<EditorQueries>().FindAsync(item.Id);
            await editor.DeleteAsync(item.Id, current!.Version, "test");
        });

        var report = await factory.WithScopeAsync(s => s.GetRequiredService<ArchiveAccessibilityCheck>().RunAsync());

        Assert.DoesNotContain(report.Items, i => i.Id == item.Id);
    }

    [Fact]
    public async Task The_command_prints_each_problem_and_fails_while_there_are_any()
    {
        await using var portal = new NewsPortalFactory();
        var clean = await PortalCommand.RunAsync(portal, [], "check-accessibility");
        var item = await new NewsItemBuilder().WithBody("## Fine\n\n[](https://ec.europa.eu/)").SaveAsync(portal.Services);

        var found = await PortalCommand.RunAsync(portal, [], "check-accessibility");

        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.Contains(" checked: no problems found.", clean.Output);
        Assert.Equal(1, found.ExitCode);
        Assert.Contains($"{item.Slug}: The link to “https://ec.europa.eu/” has no text. (WCAG 2.4.4 Link Purpose (In Context), empty-link)", found.Output);
        Assert.Contains("1 problem in 1 item.", found.Output);
    }
}
