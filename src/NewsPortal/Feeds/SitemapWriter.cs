using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsPortal.Feeds;

/// <summary>sitemaps.org documents: a urlset of at most 50,000 addresses, or an index of such sets.</summary>
public static class SitemapWriter
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static byte[] UrlSet(IEnumerable<(string Url, DateTime? LastModifiedUtc)> urls) => Write(xml =>
    {
        xml.WriteStartElement("urlset", Namespace);
        foreach (var (url, modified) in urls)
        {
            xml.WriteStartElement("url", Namespace);
            xml.WriteElementString("loc", Namespace, url);
            if (modified is { } utc) xml.WriteElementString("lastmod", Namespace, utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    public static byte[] Index(IEnumerable<string> sitemapUrls) => Write(xml =>
    {
        xml.WriteStartElement("sitemapindex", Namespace);
        foreach (var url in sitemapUrls)
        {
            xml.WriteStartElement("sitemap", Namespace);
            xml.WriteElementString("loc", Namespace, url);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            body(xml);
        }
        return buffer.ToArray();
    }
}
