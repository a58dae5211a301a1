using Microsoft.Playwright;
using NewsPortal.BrowserTests.Fixtures;

namespace NewsPortal.BrowserTests.Editing;

public sealed class EditingInTheBrowserTests(BrowserPortalFixture portal) : IClassFixture<BrowserPortalFixture>
{
    [Fact]
    public async Task An_editor_writes_an_item_with_a_live_preview_publishes_it_and_a_reader_sees_it()
    {
        var page = await portal.SignedInEditorPageAsync();
        var title = $"Written in the browser {Guid.NewGuid():N}"[..40];
        await page.GetByRole(AriaRole.Link, new() { Name = "New item", Exact = true }).First.ClickAsync();

        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Date").FillAsync("2013-09-17");
        await page.GetByLabel("Body (Markdown)").FillAsync("The minister spoke about **asylum** today.\n\nA second paragraph.");
        await Assertions.Expect(page.Locator("#live-preview strong")).ToHaveTextAsync("asylum");
        await Assertions.Expect(page.Locator("#live-preview p")).ToHaveCountAsync(2);
        await page.GetByLabel("Status").SelectOptionAsync("Published");
        await page.GetByLabel("Text of link 1").FillAsync("Read the full speech");
        await page.GetByLabel("Address of link 1").FillAsync("https://example.org/speech");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");

        var reader = await portal.NewPageAsync();
        await reader.GotoAsync("/news");
        await reader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(reader.Locator("article .news-date")).ToHaveTextAsync("17 September 2013");
        await Assertions.Expect(reader.Locator("article .news-body strong")).ToHaveTextAsync("asylum");
        await Assertions.Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Read the full speech" })).ToHaveAttributeAsync("href", "https://example.org/speech");
    }

    [Fact]
    public async Task Two_editors_saving_the_same_item_get_the_conflict_page_not_a_lost_update()
    {
        var alice = await portal.SignedInEditorPageAsync();
        var bob = await portal.SignedInEditorPageAsync();
        var title = $"Contested {Guid.NewGuid():N}"[..30];
        await alice.GotoAsync("/admin/items/new");
        await alice.GetByLabel("Title").FillAsync(title);
        await alice.GetByLabel("Body (Markdown)").FillAsync("Original text.");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await bob.GotoAsync(alice.Url.Split('?')[0]);

        await alice.GetByLabel("Body (Markdown)").FillAsync("Alice rewrote this.");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await bob.GetByLabel("Body (Markdown)").FillAsync("Bob's careful words.");
        await bob.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Assertions.Expect(bob.GetByRole(AriaRole.Heading, new() { Name = "Someone else changed this item" })).ToBeVisibleAsync();
        await Assertions.Expect(bob.Locator("table.differences .theirs").Last).ToHaveTextAsync("Alice rewrote this.");
        await Assertions.Expect(bob.GetByLabel("Body (Markdown)")).ToHaveValueAsync("Bob's careful words.");
        await alice.ReloadAsync();
        await Assertions.Expect(alice.GetByLabel("Body (Markdown)")).ToHaveValueAsync("Alice rewrote this.");
    }
}
