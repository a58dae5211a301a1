using NewsPortal.Core.News;

namespace NewsPortal.Models;

/// <summary>How sections appear in addresses (/sections/press-releases) and in headings.</summary>
public static class SectionNames
{
    private static readonly Dictionary<NewsSection, (string Path, string Heading)> Names = new()
    {
        [NewsSection.News] = ("news", "News"),
        [NewsSection.Speech] = ("speeches", "Speeches"),
        [NewsSection.PressRelease] = ("press-releases", "Press releases"),
        [NewsSection.Video] = ("videos", "Videos"),
    };

    public static IEnumerable<NewsSection> All => Names.Keys;

    public static string PathOf(NewsSection section) => Names[section].Path;

    public static string HeadingOf(NewsSection section) => Names[section].Heading;

    public static NewsSection? FromPath(string? path)
    {
        foreach (var (section, names) in Names)
            if (string.Equals(names.Path, path, StringComparison.OrdinalIgnoreCase)) return section;
        return null;
    }
}
