using System.Xml.Linq;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>A site whose content is configured as Swedish: its feeds say so, and an English item says it is English.</summary>
public sealed class SwedishSiteFactory : NewsPortalFactory
{
    public SwedishSiteFactory() => Settings["Site:Language"] = "sv";
}

public sealed class FeedLanguageTests(SwedishSiteFactory factory) : IClassFixture<SwedishSiteFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task The_rss_channel_names_the_configured_language()
    {
        var rss = XDocument.Parse(await factory.CreateClient().GetStringAsync("/feed.xml"));

        Assert.Equal("sv", rss.Root!.Element("channel")!.Element("language")!.Value);
    }

    [Fact]
    public async Task The_atom_feed_names_the_configured_language_and_an_item_in_another_language_names_its_own()
    {
        var tag = $"language-{Guid.NewGuid():N}";
        var swedish = await new NewsItemBuilder().Tagged(tag).InLanguage("sv").On(new DateOnly(2013, 1, 2)).SaveAsync(factory.Services);
        var english = await new NewsItemBuilder().Tagged(tag).InLanguage("en").On(new DateOnly(2013, 1, 1)).SaveAsync(factory.Services);

        var atom = XDocument.Parse(await factory.CreateClient().GetStringAsync($"/tags/{tag}/feed.atom"));

        Assert.Equal("sv", atom.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        var entries = atom.Root.Elements(Atom + "entry").ToDictionary(e => e.Element(Atom + "title")!.Value);
        Assert.Null(entries[swedish.Title].Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("en", entries[english.Title].Attribute(XNamespace.Xml + "lang")!.Value);
    }
}
