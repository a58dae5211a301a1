using NewsPortal.Core.Import;

namespace NewsPortal.Tests.Import;

public sealed class ArchiveDateFormatsTests
{
    [Theory]
    [InlineData("3 May 2012", 2012, 5, 3, "en")]
    [InlineData("3\u00A0May\u00A02012", 2012, 5, 3, "en")]
    [InlineData("29 February 2012", 2012, 2, 29, "en")]
    [InlineData("6 oktober 2011", 2011, 10, 6, "sv")]
    [InlineData("1 maj 2013", 2013, 5, 1, "sv")]
    public void Reads_the_archive_date_lines(string line, int year, int month, int day, string language)
    {
        Assert.True(ArchiveDateFormats.TryParseDateLine(line, out var date, out var lang));
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.Equal(language, lang);
    }

    [Theory]
    [InlineData("29 February 2013")]
    [InlineData("0 May 2012")]
    [InlineData("3 Mai 2012")]
    [InlineData("May 3rd, 2012")]
    [InlineData("03/05/2012")]
    [InlineData("3 May 0000")]
    public void Refuses_impossible_or_foreign_dates(string line)
    {
        Assert.False(ArchiveDateFormats.TryParseDateLine(line, out _, out _));
    }

    [Fact]
    public void Prints_dates_as_the_original_site_did()
    {
        Assert.Equal("3 May 2012", ArchiveDateFormats.Format(new DateOnly(2012, 5, 3)));
        Assert.Equal("6 oktober 2011", ArchiveDateFormats.Format(new DateOnly(2011, 10, 6), "sv"));
    }
}
