using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Importing;

public sealed class ImportCommandTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task The_import_command_dry_runs_applies_and_refuses_bad_input_with_an_exit_code()
    {
        _ = factory.Server; // creates and migrates the database the command will use
        var folder = Directory.CreateTempSubdirectory("newsportal-import-").FullName;
        try
        {
            var title = $"From the command line {Guid.NewGuid():N}";
            await File.WriteAllTextAsync(Path.Combine(folder, "items.json"), $"[{ImportHarness.JsonItem(title)}]");

            var dryRun = await PortalCommand.RunAsync(factory, [], "import", folder, "--dry-run");
            var applied = await PortalCommand.RunAsync(factory, [], "import", folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "broken.csv"), "title,date\nA,31/02/2012\n");
            var refused = await PortalCommand.RunAsync(factory, [], "import", folder);

            Assert.True(dryRun.ExitCode == 0, dryRun.Output);
            Assert.Contains("1 created, 0 updated, 0 unchanged, 0 errors, 0 warnings; dry run: nothing was written.", dryRun.Output);
            Assert.Contains("1 created, 0 updated, 0 unchanged, 0 errors, 0 warnings; applied as batch", applied.Output);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("error: broken.csv, row 2: date 31/02/2012 is not a date", refused.Output);
            Assert.Contains("nothing was imported", refused.Output);
            var (_, page) = await factory.CreateClient().GetPageAsync($"/news/{NewsPortal.Core.News.Slug.From(title)}");
            Assert.Equal(title, page.QuerySelector("article h1")!.Text());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_import_command_keeps_site_edits_unless_told_to_replace_them()
    {
        var title = $"Corrected on the site {Guid.NewGuid():N}";
        var file = Path.Combine(Directory.CreateTempSubdirectory("newsportal-import-").FullName, "items.json");
        await File.WriteAllTextAsync(file, $"[{ImportHarness.JsonItem(title)}]");
        Assert.Equal(0, (await PortalCommand.RunAsync(factory, [], "import", file)).ExitCode);
        var editor = await EditorSession.SignInAsync(factory);
        var (_, list) = await editor.GetAsync("/admin/items?search=" + Uri.EscapeDataString(title));
        var edit = list.QuerySelector("table.items tbody a")!.GetAttribute("href")!;
        var (_, form) = await editor.GetAsync(edit);
        var values = EditorSession.FormValues(form.QuerySelector("form.item-form")!);
        values["Summary"] = "Corrected by an editor.";
        await editor.PostAsync(edit, values);
        await File.WriteAllTextAsync(file, $"[{ImportHarness.JsonItem(title, extra: ", \"summary\": \"From the file.\"")}]");

        var kept = await PortalCommand.RunAsync(factory, [], "import", file);
        var replaced = await PortalCommand.RunAsync(factory, [], "import", file, "--replace-site-edits");

        Assert.Contains("0 created, 0 updated, 1 unchanged, 0 errors, 1 warnings; applied as batch", kept.Output);
        Assert.Contains("1 items edited on the site since their last import were left as they are; add --replace-site-edits to replace them.", kept.Output);
        Assert.Contains("0 created, 1 updated, 0 unchanged, 0 errors, 1 warnings; applied as batch", replaced.Output);
        var (_, after) = await editor.GetAsync(edit);
        Assert.Equal("From the file.", after.QuerySelector("textarea[name='Summary']")!.TextContent.Trim());
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task An_import_from_the_command_line_beside_the_running_site_shows_on_its_cached_pages()
    {
        var client = factory.CreateClient();
        // A year no other test uses: the left navigation (cached with the page) lists it only after the import.
        var year = 1987;
        Assert.Null((await client.GetPageAsync("/news")).Document.QuerySelector($"nav.left-nav a[href='/news/{year}']"));
        var file = Path.Combine(Directory.CreateTempSubdirectory("newsportal-import-").FullName, "items.json");
        await File.WriteAllTextAsync(file, $"[{ImportHarness.JsonItem($"Imported beside the site {Guid.NewGuid():N}", $"{year}-06-01")}]");

        var applied = await PortalCommand.RunAsync(factory, [], "import", file);

        Assert.True(applied.ExitCode == 0, applied.Output);
        var seen = false;
        for (var attempt = 0; attempt < 50 && !seen; attempt++, await Task.Delay(100))
            seen = (await client.GetPageAsync("/news")).Document.QuerySelector($"nav.left-nav a[href='/news/{year}']") is not null;
        Assert.True(seen, "The site's /news page did not list the imported item's year within 5 seconds.");
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }
}
