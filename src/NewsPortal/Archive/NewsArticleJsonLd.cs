using System.Globalization;
using System.Text.Json;
using NewsPortal.Core.News;

namespace NewsPortal.Archive;

/// <summary>schema.org NewsArticle for search engines and citation tools; isBasedOn names the archived original.</summary>
public static class NewsArticleJsonLd
{
    // The default encoder escapes <, > and &, so the JSON can never close its <script> element.
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string For(NewsItem item, string canonicalUrl, string? originalUrl, string siteTitle)
    {
        var article = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = item.Title,
            ["description"] = string.IsNullOrEmpty(item.Summary) ? null : item.Summary,
            ["datePublished"] = item.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["dateModified"] = item.UpdatedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["inLanguage"] = item.Language,
            ["url"] = canonicalUrl,
            ["mainEntityOfPage"] = canonicalUrl,
            ["isBasedOn"] = originalUrl,
            ["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = siteTitle },
        };
        return JsonSerializer.Serialize(article.Where(p => p.Value is not null).ToDictionary(), Options);
    }
}
