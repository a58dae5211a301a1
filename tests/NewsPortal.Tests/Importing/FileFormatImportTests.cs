using System.Net;
using System.Text;
using NewsPortal.Core.Import;
using NewsPortal.Tests.Fixtures;
using static NewsPortal.Tests.Importing.ImportHarness;

namespace NewsPortal.Tests.Importing;

/// <summary>Archived pages (text and HTML), CSV, Markdown with front matter and zips; formats are told by content.</summary>
public sealed class FileFormatImportTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static string SeedText => RepositoryFiles.ReadText(RepositoryFiles.SeedPage);

    [Fact]
    public async Task An_archived_text_page_is_read_with_its_caption_credit_and_links()
    {
        var text = SeedText.Replace("Cybercrime: \"EU-US cooperation a necessity\"", "Another page of the same day");

        var report = await RunAsync(factory, dryRun: true, File("20120503_7_en.txt", text));

        var entry = Assert.Single(report.Entries);
        Assert.Equal((ImportOutcome.Created, "Another page of the same day", new DateOnly(2012, 5, 3)), (entry.Outcome, entry.Title, entry.Date));
        Assert.True(entry.HasCaption && entry.HasCredit);
        Assert.Equal(2, entry.LinkCount);
        Assert.Contains(entry.Warnings!, w => w.StartsWith("Link text 'here' is not descriptive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_page_with_a_slug_already_taken_is_refused_by_name()
    {
        var report = await RunAsync(factory, dryRun: true, File("20120503_7_en.txt", SeedText));

        Assert.Contains("the slug 'cybercrime-eu-us-cooperation-a-necessity' already belongs to another item", Assert.Single(report.ErrorMessages));
    }

    [Fact]
    public async Task The_seed_page_again_is_recognised_as_already_imported()
    {
        var report = await RunAsync(factory, dryRun: true, File("a-name-without-the-original-address.txt", SeedText));

        Assert.Equal(ImportOutcome.Unchanged, Assert.Single(report.Entries).Outcome);
    }

    [Theory]
    [InlineData("This site has been archived on (2014/11/18)\n\nNavigation path\n\nLeft navigation\n\nAdditional tools\n", "No title")]
    [InlineData("Title\n\n03.05.2012\n\nBody.", "could not find the date line")]
    public async Task Archived_text_without_a_title_or_date_is_refused(string text, string message)
    {
        var report = await RunAsync(factory, dryRun: true, File("page.txt", text));

        Assert.Contains(message, Assert.Single(report.ErrorMessages));
    }

    [Fact]
    public async Task An_archived_html_page_keeps_its_link_addresses_and_loses_every_script()
    {
        const string html = """
            <!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <html><head><title>t</title><meta http-equiv="refresh" content="0;url=//evil"><base href="//evil/"></head>
            <body><p>This site has been archived on (2014/11/18)</p><h2>Navigation path</h2><h2>Left navigation</h2><h2>Additional tools</h2>
            <h1>A saved page &e;</h1><p>4 June 2012</p><script>alert(1)</script>
            <p>The minister at the table. Photo: EC</p>
            <p>First paragraph<br>with a second line.<img src=x onerror=alert(1)></p><iframe src="javascript:alert(1)"></iframe>
            <p>Read the <a href="https://example.org/speech">full speech here</a>, and watch a video <a href="javascript:alert(2)">here</a></p>
            </body></html>
            """;

        var report = await RunAsync(factory, dryRun: false, File("20120604_9_en.htm", html));

        Assert.True(report.Applied, string.Join("; ", report.ErrorMessages));
        var entry = Assert.Single(report.Entries);
        Assert.StartsWith("A saved page", entry.Title);
        Assert.Equal(new DateOnly(2012, 6, 4), entry.Date);
        Assert.Contains(entry.Warnings!, w => w == "Removed 1 <script> element(s).");
        var (_, page) = await factory.CreateClient().GetPageAsync("/commission_2010-2014/malmstrom/news/archives/2012/06/20120604_9_en.htm");
        Assert.Equal("Photo: EC", page.QuerySelector("figcaption .photo-credit")!.Text());
        Assert.Equal("First paragraph\nwith a second line.", page.QuerySelector("article .news-body p")!.TextContent);
        Assert.Equal("https://example.org/speech", page.QuerySelector(".related-link[data-kind='speech'] a")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("article script, article iframe, article img"));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_csv_file_with_quotes_newlines_and_a_bom_is_read_exactly()
    {
        var title = $"CSV item {Guid.NewGuid():N}";
        var csv = $"title,date,body,section,links\r\n\"{title}\",2013-03-04,\"He said \"\"EU-US\"\"\nsecond line\",speech,\"speech|Read the full speech|https://example.org/s\"\n";

        var report = await RunAsync(factory, dryRun: false, File("items.csv", csv, bom: true));

        Assert.True(report.Applied, string.Join("; ", report.ErrorMessages));
        var entry = Assert.Single(report.Entries);
        Assert.Equal((title, "Speech", 1), (entry.Title, entry.Section, entry.LinkCount));
    }

    [Theory]
    [InlineData("title,date,body\n\"abc,2012-05-03,body\n", "row 2: a quoted field is never closed")]
    [InlineData("title,body\nA,b\n", "Missing column 'date'")]
    [InlineData("title,date,colour\nA,2012-05-03,red\n", "Unknown column 'colour'")]
    [InlineData("title,date,body\nA,2012-05-03\n", "expected 3 fields, found 2")]
    [InlineData("title;date;body\nA;2012-05-03;b\n", "separated by ';'")]
    public async Task Broken_csv_is_refused_with_its_line(string csv, string message)
    {
        var before = await ContentStateAsync(factory);

        var report = await RunAsync(factory, dryRun: false, File("items.csv", csv));

        Assert.Contains(report.ErrorMessages, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await ContentStateAsync(factory));
    }

    [Fact]
    public async Task A_zip_of_markdown_files_with_front_matter_is_imported()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var first = $"---\ntitle: Hugo page {marker}\ndate: 2014-01-02\ndraft: false\ndescription: From a static site.\n---\nSome *Markdown*.\n";
        var second = $"---\ntitle: Jekyll page {marker}\ndate: 2014-01-03\nlinks:\n- kind: video\n  text: Watch the video\n  url: https://example.org/v\n---\nMore.\n";

        var report = await RunAsync(factory, dryRun: false, File("site.zip", Zip(("a.md", Encoding.UTF8.GetBytes(first)), ("posts/b.md", Encoding.UTF8.GetBytes(second)))));

        Assert.True(report.Applied, string.Join("; ", report.ErrorMessages));
        Assert.Equal(2, report.Created);
    }

    [Fact]
    public async Task Unknown_front_matter_keys_are_refused()
    {
        var report = await RunAsync(factory, dryRun: true, File("a.md", "---\ntitle: T\ndate: 2014-01-02\ncolour: red\n---\nBody\n"));

        Assert.Contains("the front matter is not valid", Assert.Single(report.ErrorMessages));
    }

    [Theory]
    [InlineData("../../etc/passwd", "points outside the archive")]
    [InlineData("/abs/path.json", "points outside the archive")]
    [InlineData("inner.zip", "zip inside the zip")]
    public async Task Dangerous_zip_entries_are_refused_before_extraction(string entryName, string message)
    {
        var report = await RunAsync(factory, dryRun: true, File("evil.zip", Zip((entryName, Encoding.UTF8.GetBytes("[]")))));

        Assert.Contains(message, Assert.Single(report.ErrorMessages));
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_by_its_compression_ratio()
    {
        var report = await RunAsync(factory, dryRun: true, File("bomb.zip", Zip(("zeros.json", new byte[5_000_000]))));

        Assert.Contains("looks like a zip bomb", Assert.Single(report.ErrorMessages));
    }

    [Fact]
    public async Task A_file_of_no_known_format_is_named()
    {
        var report = await RunAsync(factory, dryRun: true, File("notes.bin", "just some words\nwithout any structure"));

        Assert.Contains("not a format NewsPortal imports", Assert.Single(report.ErrorMessages));
    }

    [Fact]
    public async Task The_original_address_of_an_imported_page_answers_301_to_its_new_address()
    {
        await RunAsync(factory, dryRun: false, File("20120503_8_en.txt", SeedText.Replace("Cybercrime: \"EU-US cooperation a necessity\"", "A page for the redirect test")));
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/commission_2010-2014/malmstrom/news/archives/2012/05/20120503_8_en.htm");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/news/a-page-for-the-redirect-test", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/commission_2010-2014/malmstrom/news/archives/2099/01/20990101_en.htm")).StatusCode);
    }

    [Fact]
    public async Task A_zip_with_a_link_or_a_repeated_name_is_refused()
    {
        var link = Zip(("page.json", Encoding.UTF8.GetBytes("[]")));
        // Mark the entry as a Unix symbolic link (mode 0120777 in the high bits of the external attributes).
        using (var archive = new System.IO.Compression.ZipArchive(new MemoryStream(link, writable: true), System.IO.Compression.ZipArchiveMode.Update))
            archive.Entries[0].ExternalAttributes = unchecked((int)(0xA1FFu << 16));
        var repeated = Zip(("a.json", Encoding.UTF8.GetBytes("[]")), ("A.json", Encoding.UTF8.GetBytes("[]")));

        var linkReport = await RunAsync(factory, dryRun: true, File("link.zip", link));
        var repeatedReport = await RunAsync(factory, dryRun: true, File("repeated.zip", repeated));

        Assert.Contains("is a symbolic link", Assert.Single(linkReport.ErrorMessages));
        Assert.Contains("appears twice", Assert.Single(repeatedReport.ErrorMessages));
    }

    [Fact]
    public async Task A_damaged_zip_entry_is_reported_not_crashed_on()
    {
        var zip = Zip(("items.json", Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(ImportHarness.JsonItem("Damaged"), 50)) + "]")));
        // Overwrite part of the compressed data (after the 30-byte local header and the name).
        for (var i = 60; i < 90; i++) zip[i] = 0xFF;

        var report = await RunAsync(factory, dryRun: true, File("damaged.zip", zip));

        Assert.NotEmpty(report.ErrorMessages);
        Assert.False(report.Applied);
    }
}
