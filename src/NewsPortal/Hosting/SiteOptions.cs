using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Hosting;

/// <summary>The "Site" configuration section: what the header says and how lists are cut.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required]
    public string Title { get; set; } = "";

    public string Subtitle { get; set; } = "";

    /// <summary>
    /// BCP 47 tag of the site's content as its feeds announce it (RSS language, Atom xml:lang); an item in another
    /// language carries its own tag. The chrome's words are English whatever this says.
    /// </summary>
    [Required, RegularExpression("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", ErrorMessage = "Site:Language must be a language tag such as en or sv.")]
    public string Language { get; set; } = "en";

    [Range(1, 100)]
    public int PageSize { get; set; } = 10;

    [Range(1, 50)]
    public int HomeItemCount { get; set; } = 5;

    [Range(1, 100)]
    public int FeedItemCount { get; set; } = 20;

    /// <summary>Addresses per sitemap file; past this, /sitemap.xml becomes an index (the protocol allows 50,000).</summary>
    [Range(2, 50_000)]
    public int SitemapPageSize { get; set; } = 50_000;

    /// <summary>
    /// How long a rendered public page is kept in memory. Saves, imports and scheduled items coming due replace it at
    /// once whatever this says; it bounds only the memory of pages nobody asks for.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PageCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>False renders every public page afresh (the benchmark measures both ways).</summary>
    public bool CachePublicPages { get; set; } = true;

    /// <summary>Shown on the Contact page; empty means no address has been published.</summary>
    [EmailAddress]
    public string? ContactEmail { get; set; }
}
