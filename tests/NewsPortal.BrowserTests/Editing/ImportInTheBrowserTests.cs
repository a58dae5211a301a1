using System.Text;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Fixtures;

namespace NewsPortal.BrowserTests.Editing;

public sealed class ImportInTheBrowserTests(BrowserPortalFixture portal) : IClassFixture<BrowserPortalFixture>
{
    [Fact]
    public async Task An_editor_uploads_a_file_checks_the_dry_run_and_applies_it()
    {
        var page = await portal.SignedInEditorPageAsync();
        var title = $"Imported in the browser {Guid.NewGuid():N}"[..45];
        var json = $$"""[{"title": "{{title}}", "date": "2011-10-06", "language": "sv", "body": "Första stycket."}]""";
        await page.GetByRole(AriaRole.Link, new() { Name = "Import and export" }).ClickAsync();

        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "items.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();

        await Assertions.Expect(page.Locator(".import-summary")).ToContainTextAsync("1 created, 0 updated, 0 unchanged, 0 errors");
        await Assertions.Expect(page.Locator(".import-summary")).ToContainTextAsync("Nothing has been written yet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply this import" }).ClickAsync();
        await Assertions.Expect(page.Locator(".import-summary")).ToContainTextAsync("Applied as batch");

        var reader = await portal.NewPageAsync();
        await reader.GotoAsync("/news/2011");
        await reader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(reader.Locator("article .news-date")).ToHaveTextAsync("6 oktober 2011");
        await Assertions.Expect(reader.Locator("article")).ToHaveAttributeAsync("lang", "sv");
    }
}
