using NewsPortal.Core.Import;
using NewsPortal.Core.News;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Import;

public sealed class ArchivedPageTextParserTests
{
    private static ArchivedPage SeedPage() => ArchivedPageTextParser.Parse(RepositoryFiles.ReadText(RepositoryFiles.SeedPage));

    [Fact]
    public void Reads_the_title_date_and_language_of_the_archived_page()
    {
        var page = SeedPage();

        Assert.Equal("Cybercrime: \"EU-US cooperation a necessity\"", page.Title);
        Assert.Equal(new DateOnly(2012, 5, 3), page.PublishedOn);
        Assert.Equal("en", page.Language);
    }

    [Fact]
    public void Reads_the_archive_date_from_the_banner()
    {
        Assert.Equal(new DateOnly(2014, 11, 18), SeedPage().ArchivedOn);
    }

    [Fact]
    public void Splits_the_photo_credit_from_the_caption()
    {
        var page = SeedPage();

        Assert.Equal("Cecilia Malmström (left), Jane Holl Lute, Deputy U.S. Secretary of Homeland Security, and Christoph Raab from the European Security Round Table at the conference in Washington D.C.", page.PhotoCaption);
        Assert.Equal("CSIS", page.PhotoCredit);
    }

    [Fact]
    public void Keeps_every_body_paragraph_and_no_chrome()
    {
        var page = SeedPage();

        Assert.Equal(7, page.Paragraphs.Count);
        Assert.StartsWith("At an international conference in Washington D.C. Wednesday", page.Paragraphs[0]);
        Assert.StartsWith("\"Let's hope that a few new good ideas", page.Paragraphs[^1]);
        var chrome = new[] { "Navigation path", "Left navigation", "Additional tools", "This site has been archived", "18/11/14", "Photo: CSIS", "full speech" };
        Assert.DoesNotContain(page.Paragraphs, p => chrome.Any(p.Contains));
    }

    [Fact]
    public void Turns_the_closing_line_into_a_speech_link_and_a_video_link()
    {
        var links = SeedPage().Links;

        Assert.Collection(links,
            speech =>
            {
                Assert.Equal(NewsLinkKind.Speech, speech.Kind);
                Assert.Equal("Read Cecilia Malmström's full speech", speech.Text);
                Assert.Null(speech.Url);
            },
            video =>
            {
                Assert.Equal(NewsLinkKind.Video, video.Kind);
                Assert.Equal("Watch a video from the conference at csis.org", video.Text);
                Assert.Equal("http://csis.org/", video.Url);
            });
    }

    [Fact]
    public void Reads_a_Swedish_page_with_its_Sökväg_heading_and_date_line()
    {
        const string text = "This site has been archived on (2014/11/18)\n\nSökväg\n\nLeft navigation\n\nAdditional tools\n\nEn rubrik\n\n6 oktober 2011\n\nFörsta stycket.\n";

        var page = ArchivedPageTextParser.Parse(text);

        Assert.Equal("En rubrik", page.Title);
        Assert.Equal(new DateOnly(2011, 10, 6), page.PublishedOn);
        Assert.Equal("sv", page.Language);
        Assert.Equal(["Första stycket."], page.Paragraphs);
    }

    [Fact]
    public void Reads_links_under_a_MORE_heading()
    {
        const string text = "Title\n\n3 May 2013\n\nBody.\n\nMORE\n\nRead the full speech here\n";

        var page = ArchivedPageTextParser.Parse(text);

        Assert.Equal(["Body."], page.Paragraphs);
        var link = Assert.Single(page.Links);
        Assert.Equal(NewsLinkKind.Speech, link.Kind);
        Assert.Equal("Read the full speech", link.Text);
    }

    [Theory]
    [InlineData("Title\n\n03.05.2012\n\nBody.")]
    [InlineData("Title\n\n31 February 2012\n\nBody.")]
    [InlineData("Title\n\nBody without a date.")]
    public void Refuses_a_page_without_a_valid_date_line_and_says_where(string text)
    {
        var error = Assert.Throws<ArchivedPageFormatException>(() => ArchivedPageTextParser.Parse(text));

        Assert.Contains("Line 3", error.Message);
        Assert.Contains("date line", error.Message);
    }

    [Fact]
    public void Refuses_a_page_that_holds_only_chrome()
    {
        var error = Assert.Throws<ArchivedPageFormatException>(() =>
            ArchivedPageTextParser.Parse("This site has been archived on (2014/11/18)\n\nNavigation path\n\nLeft navigation\n\nAdditional tools\n"));

        Assert.Contains("No title", error.Message);
    }
}
