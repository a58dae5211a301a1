using System.Globalization;

namespace NewsPortal.Core.Import;

/// <summary>
/// The archive's own date lines, "3 May 2012" and Swedish "6 oktober 2011". Month names are spelled out here
/// rather than taken from CultureInfo so parsing never depends on the server's locale or ICU data.
/// </summary>
public static class ArchiveDateFormats
{
    private static readonly Dictionary<string, string[]> MonthNames = new()
    {
        ["en"] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
        ["sv"] = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
    };

    /// <summary>Parses "d MonthName yyyy"; returns the date and the language its month name belongs to.</summary>
    public static bool TryParseDateLine(string line, out DateOnly date, out string language)
    {
        date = default;
        language = "";
        // Split on any white space: the archived pages use no-break spaces in dates ("3\u00A0May\u00A02012").
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || parts[2].Length != 4
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < 1000)
            return false;

        foreach (var (lang, names) in MonthNames)
        {
            var month = Array.IndexOf(names, parts[1].ToLowerInvariant()) + 1;
            if (month == 0) continue;
            if (day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
            date = new DateOnly(year, month, day);
            language = lang;
            return true;
        }
        return false;
    }

    public static string MonthName(int month, string language = "en")
    {
        var name = (MonthNames.GetValueOrDefault(language) ?? MonthNames["en"])[month - 1];
        return language == "en" ? char.ToUpperInvariant(name[0]) + name[1..] : name;
    }

    /// <summary>"3 May 2012" as the original site printed it.</summary>
    public static string Format(DateOnly date, string language = "en")
    {
        var names = MonthNames.GetValueOrDefault(language) ?? MonthNames["en"];
        var month = names[date.Month - 1];
        if (language == "en") month = char.ToUpperInvariant(month[0]) + month[1..];
        return $"{date.Day} {month} {date.Year}";
    }
}
