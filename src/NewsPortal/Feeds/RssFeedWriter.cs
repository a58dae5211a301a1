using System.Globalization;
using System.Text;
using System.Xml;
using NewsPortal.Core.News;

namespace NewsPortal.Feeds;

/// <summary>RSS 2.0 through XmlWriter, so every text is escaped and the document is always well-formed.</summary>
public static class RssFeedWriter
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <param name="selfUrl">The feed's own address, which RSS has no element for: given as Atom's link rel="self", as feed validators ask.</param>
    /// <param name="pageUrl">The page whose items the feed carries (the home page, a section's or a tag's).</param>
    public static byte[] Write(string title, string description, string language, string selfUrl, string baseUrl, string pageUrl, DateTime lastChangeUtc, IEnumerable<NewsSummary> items)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = true };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, Atom);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", title);
            xml.WriteElementString("link", pageUrl);
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("href", selfUrl);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            xml.WriteElementString("description", description);
            xml.WriteElementString("language", language);
            // RSS items have no date of change; the channel's says when anything in it last changed.
            xml.WriteElementString("lastBuildDate", lastChangeUtc.ToString("r", CultureInfo.InvariantCulture));
            foreach (var item in items)
            {
                var link = $"{baseUrl}/news/{Uri.EscapeDataString(item.Slug)}";
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.Title);
                xml.WriteElementString("link", link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(link);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", item.PublishedOn.ToDateTime(TimeOnly.MinValue).ToString("r", CultureInfo.InvariantCulture));
                xml.WriteElementString("description", item.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }
}
