using System.Globalization;
using System.Text;
using System.Xml;
using NewsPortal.Core.News;

namespace NewsPortal.Feeds;

/// <summary>Atom 1.0 (RFC 4287) through XmlWriter: escaped text, always well-formed.</summary>
public static class AtomFeedWriter
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <param name="author">Who wrote the entries: the site, also in a section's or a tag's feed (whose title names them).</param>
    /// <param name="pageUrl">The page whose items the feed carries (the home page, a section's or a tag's).</param>
    public static byte[] Write(string title, string author, string language, string selfUrl, string baseUrl, string pageUrl, DateTime updatedUtc, IEnumerable<NewsSummary> items)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, language);
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("id", Atom, selfUrl);
            xml.WriteElementString("updated", Atom, Timestamp(updatedUtc));
            Link(xml, "self", selfUrl);
            Link(xml, "alternate", pageUrl);
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, author);
            xml.WriteEndElement();
            foreach (var item in items)
            {
                var url = $"{baseUrl}/news/{Uri.EscapeDataString(item.Slug)}";
                xml.WriteStartElement("entry", Atom);
                if (!string.Equals(item.Language, language, StringComparison.OrdinalIgnoreCase))
                    xml.WriteAttributeString("xml", "lang", null, item.Language);
                xml.WriteElementString("title", Atom, item.Title);
                xml.WriteElementString("id", Atom, url);
                Link(xml, "alternate", url);
                xml.WriteElementString("published", Atom, Timestamp(item.PublishedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
                // The last save, not the publication date: a correction then shows as a change to feed readers.
                xml.WriteElementString("updated", Atom, Timestamp(item.UpdatedAtUtc));
                xml.WriteElementString("summary", Atom, item.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static void Link(XmlWriter xml, string rel, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
