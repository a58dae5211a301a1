using AngleSharp.Dom;
using NewsPortal.Core.Rendering;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Rendering;

/// <summary>SEC-23..25: item bodies never carry markup or addresses that run script.</summary>
public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static Task<IDocument> RenderAsync(string markdown) => Html.ParseAsync(Renderer.ToHtml(markdown));

    [Fact]
    public async Task Renders_paragraphs_emphasis_and_links()
    {
        var doc = await RenderAsync("First *para*.\n\nSee [the speech](https://example.org/speech) or [write](mailto:press@example.org).");

        Assert.Equal(2, doc.QuerySelectorAll("p").Length);
        Assert.Equal("para", doc.QuerySelector("em")!.TextContent);
        Assert.Equal(["https://example.org/speech", "mailto:press@example.org"],
            doc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<iframe src=//evil></iframe>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg><animate onbegin=alert(1) attributeName=x dur=1s>")]
    [InlineData("<form action=//evil><input></form>")]
    [InlineData("<style>*{display:none}</style>")]
    [InlineData("<base href=//evil/>")]
    public async Task Shows_raw_html_as_text_never_as_elements(string markdown)
    {
        var doc = await RenderAsync(markdown);

        Assert.Empty(doc.Body!.QuerySelectorAll("script, iframe, img, svg, animate, form, input, style, base"));
        Assert.DoesNotContain(doc.Body.Descendants<IElement>().SelectMany(e => e.Attributes), a => a.Name.StartsWith("on"));
    }

    [Theory]
    [InlineData("[a](javascript:alert(1))")]
    [InlineData("[a](JaVaScRiPt:alert(1))")]
    [InlineData("[a](java&#x09;script:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[a][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("![i](data:image/svg+xml;base64,PHN2Zz4=)")]
    [InlineData("[a](vbscript:x)")]
    [InlineData("[a]( javascript:alert(1))")]
    public async Task Drops_addresses_with_unsafe_schemes(string markdown)
    {
        var doc = await RenderAsync(markdown);

        var addresses = doc.QuerySelectorAll("[href], [src]").SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") }).OfType<string>();
        Assert.All(addresses, address => Assert.True(MarkdownRenderer.IsSafeUrl(address), address));
        Assert.Empty(doc.QuerySelectorAll("img"));
    }

    [Fact]
    public async Task Keeps_the_words_of_a_link_whose_address_was_dropped()
    {
        var doc = await RenderAsync("Read [the speech](javascript:alert(1)) now.");

        Assert.Empty(doc.QuerySelectorAll("a"));
        Assert.Equal("Read the speech now.", doc.QuerySelector("p")!.TextContent);
    }

    [Theory]
    [InlineData("# Title {onmouseover=alert(1)}")]
    [InlineData("[a](https://x.example){onclick=alert(1)}")]
    public async Task Never_lets_markdown_add_attributes(string markdown)
    {
        var doc = await RenderAsync(markdown);

        Assert.DoesNotContain(doc.Body!.Descendants<IElement>().SelectMany(e => e.Attributes), a => a.Name.StartsWith("on"));
    }

    [Fact]
    public async Task Archived_plain_text_renders_back_to_the_same_words()
    {
        var paragraphs = new[] { "Line one.\n\"Line two\" with *stars* and [brackets] & <tags>", "# not a heading", "1. not a list" };

        var doc = await RenderAsync(PlainTextMarkdown.FromParagraphs(paragraphs));

        var rendered = doc.QuerySelectorAll("p").ToList();
        Assert.Equal(3, rendered.Count);
        Assert.Equal("Line one.\n\"Line two\" with *stars* and [brackets] & <tags>", rendered[0].TextContent);
        Assert.Single(rendered[0].QuerySelectorAll("br"));
        Assert.Equal("# not a heading", rendered[1].TextContent);
        Assert.Equal("1. not a list", rendered[2].TextContent);
    }

    [Theory]
    [InlineData("![A fake chart](https://images.example/chart.png)", "A fake chart", "https://images.example/chart.png")]
    [InlineData("![](http://images.example/chart.png)", "Image: http://images.example/chart.png", "http://images.example/chart.png")]
    [InlineData("![A fake chart](//images.example/chart.png)", "A fake chart", "//images.example/chart.png")]
    public async Task Shows_an_image_from_another_site_as_a_link_to_it_never_loading_it(string markdown, string text, string address)
    {
        var doc = await RenderAsync(markdown);

        Assert.Empty(doc.QuerySelectorAll("img"));
        var link = Assert.Single(doc.QuerySelectorAll("a"));
        Assert.Equal(address, link.GetAttribute("href"));
        Assert.Equal(text, link.Text());
    }

    [Fact]
    public async Task Keeps_an_uploaded_photo_as_an_image()
    {
        var doc = await RenderAsync("![A test photo](/media/test-photo.png)");

        var image = Assert.Single(doc.QuerySelectorAll("img"));
        Assert.Equal("/media/test-photo.png", image.GetAttribute("src"));
        Assert.Equal("A test photo", image.GetAttribute("alt"));
    }
}
