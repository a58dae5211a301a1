using NewsPortal.Core.Import;
using NewsPortal.Tests.Fixtures;
using static NewsPortal.Tests.Importing.ImportHarness;

namespace NewsPortal.Tests.Importing;

/// <summary>BAD-01..07, BAD-15, BAD-19..24 through the JSON importer; every failure writes nothing.</summary>
public sealed class JsonImportTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}";

    private async Task<ImportReport> FailsWithoutWritingAsync(string json)
    {
        var before = await ContentStateAsync(factory);
        var report = await RunAsync(factory, dryRun: false, File("items.json", json));
        Assert.False(report.Applied);
        Assert.True(report.Errors > 0);
        Assert.Equal(before, await ContentStateAsync(factory));
        return report;
    }

    [Fact]
    public async Task A_valid_list_is_created_and_a_second_import_changes_nothing()
    {
        var json = $"[{JsonItem(Unique("First"))}, {JsonItem(Unique("Second"), "3 May 2012")}]";

        var dryRun = await RunAsync(factory, dryRun: true, File("items.json", json));
        var applied = await RunAsync(factory, dryRun: false, File("items.json", json));
        var again = await RunAsync(factory, dryRun: false, File("items.json", json));

        Assert.Equal((2, 0, 0, false), (dryRun.Created, dryRun.Errors, dryRun.Unchanged, dryRun.Applied));
        Assert.Equal((2, true), (applied.Created, applied.Applied));
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task A_changed_record_updates_its_item_and_adds_a_revision()
    {
        var title = Unique("Changing");
        await RunAsync(factory, dryRun: false, File("v1.json", $"[{JsonItem(title)}]"));

        var report = await RunAsync(factory, dryRun: false, File("v2.json", $"[{JsonItem(title, extra: ", \"summary\": \"Now with a summary.\"")}]"));

        Assert.Equal((0, 1, 0), (report.Created, report.Updated, report.Unchanged));
    }

    [Fact]
    public async Task One_bad_record_stops_the_whole_import()
    {
        var json = $"[{JsonItem(Unique("Good"))}, {JsonItem(Unique("Bad"), "2012-02-30")}, {JsonItem(Unique("Also good"))}]";

        var report = await FailsWithoutWritingAsync(json);

        Assert.Equal(["items.json, record 2: date 2012-02-30 is not a date in a documented format (2012-05-03 or 3 May 2012), or does not exist"], report.ErrorMessages);
    }

    [Theory]
    [InlineData("[{\"title\":\"A\",\"date\":\"2012-05-03\",\"body\":\"x\"}", "JSON syntax error at line")]
    [InlineData("[{\"title\":\"A\",\"date\":\"2012-05-03\"},]", "JSON syntax error at line")]
    [InlineData("[{\"title\":\"A\",\"date\":20120503}]", "record 1: field 'date'")]
    [InlineData("[{\"title\":null,\"date\":\"2012-05-03\"}]", "record 1: title is required")]
    [InlineData("[{\"title\":[\"a\"],\"date\":\"2012-05-03\"}]", "record 1: field 'title'")]
    [InlineData("[{\"title\":\"A\",\"title\":\"B\",\"date\":\"2012-05-03\"}]", "Duplicate")]
    [InlineData("[{\"$type\":\"System.IO.FileInfo\",\"title\":\"A\",\"date\":\"2012-05-03\"}]", "record 1")]
    [InlineData("[{\"title\":\"A\",\"date\":\"2012-05-03\",\"createdBy\":\"x\"}]", "record 1")]
    [InlineData("{\"title\":\"A\",\"date\":\"2012-05-03\"}", "must hold a list of items")]
    [InlineData("[]", "holds no items")]
    [InlineData("[{\"title\":\"A\\u0000B\",\"date\":\"2012-05-03\"}]", "title contains a NUL character")]
    [InlineData("[{\"title\":\"A\\ud800B\",\"date\":\"2012-05-03\"}]", "record 1")]
    [InlineData("[{\"title\":\"A\",\"date\":\"03/05/2012\"}]", "date 03/05/2012 is not a date")]
    [InlineData("[{\"title\":\"A\",\"date\":\"1899-12-31\"}]", "outside 1950-2100")]
    public async Task Broken_or_doubtful_json_is_refused_with_its_place(string json, string message)
    {
        var report = await FailsWithoutWritingAsync(json);

        Assert.Contains(report.ErrorMessages, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_quickly()
    {
        var report = await FailsWithoutWritingAsync(new string('[', 10_000));

        Assert.Contains(report.ErrorMessages, e => e.Contains("JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_records_for_the_same_item_are_both_named()
    {
        var title = Unique("Twice");

        var report = await FailsWithoutWritingAsync($"[{JsonItem(title)}, {JsonItem(title)}]");

        Assert.Contains(report.ErrorMessages, e => e.StartsWith("items.json, record 2: the same item as items.json, record 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_byte_order_mark_emoji_and_decomposed_letters_are_accepted()
    {
        var title = $"Malmstro\u0308m 新闻 📰 {Guid.NewGuid():N}";

        var report = await RunAsync(factory, dryRun: false, File("items.json", $"[{JsonItem(title)}]", bom: true));

        Assert.True(report.Applied, string.Join("; ", report.ErrorMessages));
        Assert.Equal(title.Normalize(System.Text.NormalizationForm.FormC), report.Entries.Single().Title);
    }

    [Fact]
    public async Task A_date_with_a_time_zone_keeps_the_date_as_written()
    {
        var report = await RunAsync(factory, dryRun: true, File("items.json", $"[{JsonItem(Unique("Late"), "2012-05-03T23:30:00-05:00")}]"));

        Assert.Equal(new DateOnly(2012, 5, 3), report.Entries.Single().Date);
    }

    [Fact]
    public async Task Invalid_utf8_is_refused_with_its_offset()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("[{\"title\":\"Malmstr").Concat(new byte[] { 0xF6 }).Concat(System.Text.Encoding.UTF8.GetBytes("m\",\"date\":\"2012-05-03\"}]")).ToArray();
        var before = await ContentStateAsync(factory);

        var report = await RunAsync(factory, dryRun: false, File("latin1.json", bytes));

        Assert.Equal(["latin1.json: The file is not valid UTF-8 (byte 0xF6 at offset 18); save it as UTF-8."], report.ErrorMessages);
        Assert.Equal(before, await ContentStateAsync(factory));
    }

    [Fact]
    public async Task A_large_file_with_a_latin1_byte_early_on_is_refused_cleanly()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("[{\"title\":\"Malmstr").Concat(new byte[] { 0xF6 }).Concat(new byte[200_000].Select(_ => (byte)' ')).Concat("]"u8.ToArray()).ToArray();

        var report = await RunAsync(factory, dryRun: true, File("big-latin1.json", bytes));

        Assert.Equal(["big-latin1.json: The file is not valid UTF-8 (byte 0xF6 at offset 18); save it as UTF-8."], report.ErrorMessages);
    }

    [Theory]
    [InlineData("\"title\":\"Tab\\u000Bbed\",\"date\":\"2012-05-03\"", "control character U+000B")]
    [InlineData("\"title\":\"A\",\"date\":\"2012-05-03\",\"sourceAddress\":\"/nyheter/möte.htm\"", "sourceAddress must be the page's path")]
    [InlineData("\"title\":\"A\",\"date\":\"2012-05-03\",\"sourceAddress\":\"/a b.htm\"", "sourceAddress must be the page's path")]
    public async Task Text_that_would_break_feeds_or_headers_is_refused(string fields, string message)
    {
        var report = await FailsWithoutWritingAsync("[{" + fields + "}]");

        Assert.Contains(report.ErrorMessages, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Re_importing_a_deleted_item_does_not_bring_it_back_and_says_so()
    {
        var title = Unique("Deleted later");
        await RunAsync(factory, dryRun: false, File("items.json", $"[{JsonItem(title)}]"));
        var editor = await EditorSession.SignInAsync(factory);
        var (_, list) = await editor.GetAsync("/admin/items?search=" + Uri.EscapeDataString(title));
        var id = list.QuerySelector("table.items tbody a")!.GetAttribute("href")!.Split('/')[3];
        await editor.SubmitAsync($"/admin/items/{id}/delete", $"/admin/items/{id}/delete", []);

        var report = await RunAsync(factory, dryRun: false, File("items.json", $"[{JsonItem(title)}]"));

        var entry = Assert.Single(report.Entries);
        Assert.Equal(ImportOutcome.Unchanged, entry.Outcome);
        Assert.Contains("This item was deleted on the site; the import does not bring it back.", entry.Warnings!);
    }
}
