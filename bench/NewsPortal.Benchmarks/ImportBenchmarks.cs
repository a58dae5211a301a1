using System.Text;
using BenchmarkDotNet.Attributes;
using NewsPortal.Core.Import;
using NewsPortal.Core.Import.Formats;

namespace NewsPortal.Benchmarks;

/// <summary>
/// Reading and validating import files without the database: the archived-page text parser on the real page, and
/// 1,000 JSON records read and validated, the per-record work of every import.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _archivedPage = "";
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        _archivedPage = File.ReadAllText(Paths.SeedPage);
        var records = Enumerable.Range(1, 1000).Select(n =>
            $$"""{"title": "Record {{n}}", "date": "2012-05-{{1 + n % 28:00}}", "section": "news", "summary": "Summary {{n}}.", "body": "Body of record {{n}} with **some** text.", "tags": ["police", "data"]}""");
        _json = Encoding.UTF8.GetBytes("[" + string.Join(",", records) + "]");
    }

    [Benchmark]
    public ArchivedPage ArchivedPageText() => ArchivedPageTextParser.Parse(_archivedPage);

    [Benchmark]
    public async Task<int> JsonThousandRecords()
    {
        var valid = 0;
        var source = new ImportSource("records.json", _json.Length, () => new MemoryStream(_json, writable: false));
        await foreach (var record in new JsonFormat().ReadAsync(source, CancellationToken.None))
            if (record.Item is not null && ImportValidator.Validate(record.Item).Item is not null) valid++;
        return valid;
    }
}

internal static class Paths
{
    /// <summary>The real archived page the site is seeded with, found from the repository root.</summary>
    public static string SeedPage
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var page = Path.Combine(folder.FullName, "seed", "archived-page-2012-05-03-cybercrime.txt");
                if (File.Exists(page)) return page;
            }
            throw new FileNotFoundException("Run from within the repository: seed/archived-page-2012-05-03-cybercrime.txt not found.");
        }
    }
}
