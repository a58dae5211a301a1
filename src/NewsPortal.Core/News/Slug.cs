using System.Globalization;
using System.Text;

namespace NewsPortal.Core.News;

/// <summary>Human-readable, URL-safe item names ("cybercrime-eu-us-cooperation-a-necessity").</summary>
public static class Slug
{
    public static string From(string text, int maxLength = NewsItem.SlugMaxLength)
    {
        // Decompose so "ö" becomes "o" + combining mark; marks, zero-width and bidi controls are dropped,
        // so visually equal titles give equal slugs.
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0) slug.Append('-');
                pendingHyphen = false;
                slug.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
            if (slug.Length >= maxLength) break;
        }
        return slug.ToString().TrimEnd('-');
    }
}
