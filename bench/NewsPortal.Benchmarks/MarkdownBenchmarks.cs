using BenchmarkDotNet.Attributes;
using NewsPortal.Core.Import;
using NewsPortal.Core.Rendering;

namespace NewsPortal.Benchmarks;

/// <summary>
/// The Markdown pipeline (Markdig, the URL allowlist and HtmlSanitizer) on the real archived item and on a long body.
/// It runs when an item is saved or imported, never per page view; this says what a save or an import spends on it.
/// </summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    private readonly MarkdownRenderer _renderer = new();
    private string _archivedItem = "";
    private string _longBody = "";

    [GlobalSetup]
    public void Setup()
    {
        _archivedItem = string.Join("\n\n", ArchivedPageTextParser.Parse(File.ReadAllText(Paths.SeedPage)).Paragraphs);
        var paragraph = "The Commission proposed **new rules** on [information exchange](https://example.org/report) between " +
                        "police forces, with *strict* data protection safeguards and a review after three years.";
        _longBody = string.Join("\n\n", Enumerable.Range(1, 40).Select(n => n % 10 == 0 ? $"## Part {n / 10}\n\n- one\n- two" : paragraph));
    }

    [Benchmark]
    public string ArchivedItem() => _renderer.ToHtml(_archivedItem);

    [Benchmark]
    public string LongBody() => _renderer.ToHtml(_longBody);
}
