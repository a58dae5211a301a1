using System.Diagnostics;
using NewsPortal.Core.Rendering;

namespace NewsPortal.Tests.Rendering;

/// <summary>BAD-31: hostile nesting renders in bounded time and never overflows the stack.</summary>
public sealed class PathologicalMarkdownTests
{
    [Theory]
    [InlineData(">", 50_000)]
    [InlineData("[", 100_000)]
    [InlineData("*a", 100_000)]
    [InlineData("- ", 20_000)]
    public void Deeply_nested_or_repeated_markup_still_renders(string unit, int count)
    {
        var markdown = string.Concat(Enumerable.Repeat(unit, count)) + " text";
        var watch = Stopwatch.StartNew();

        var html = new MarkdownRenderer().ToHtml(markdown);

        Assert.Contains("text", html);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Absurd_nesting_is_named_as_a_problem_for_editors_and_imports()
    {
        var renderer = new MarkdownRenderer();

        Assert.Equal(MarkdownRenderer.TooDeeplyNested, renderer.Problem(new string('>', 50_000) + " text"));
        Assert.Null(renderer.Problem("> a normal quote"));
    }
}
