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
}
