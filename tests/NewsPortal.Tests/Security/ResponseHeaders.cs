namespace NewsPortal.Tests.Security;

/// <summary>Reading response headers the way a browser does, wherever HttpClient files them.</summary>
public static class ResponseHeaders
{
    public static IReadOnlyList<string> Values(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.ToList()
        : response.Content.Headers.TryGetValues(name, out var content) ? content.ToList()
        : [];

    public static string? Value(this HttpResponseMessage response, string name) =>
        response.Values(name) is { Count: > 0 } values ? string.Join(", ", values) : null;

    /// <summary>
    /// The policies a browser enforces: every Content-Security-Policy header, each as directive name → source list.
    /// (Several headers all apply; a page is only as open as the strictest says, but a missing directive is missing in each.)
    /// </summary>
    public static IReadOnlyList<Dictionary<string, string[]>> ContentSecurityPolicies(this HttpResponseMessage response) =>
        response.Values("Content-Security-Policy").Select(Parse).ToList();

    private static Dictionary<string, string[]> Parse(string policy)
    {
        var directives = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var directive in policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = directive.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            // The first occurrence of a directive wins; browsers ignore repeats.
            directives.TryAdd(parts[0], parts[1..]);
        }
        return directives;
    }
}

public static class SecurityAssert
{
    /// <summary>Fails with every problem on its own line (xunit would cut a long collection short).</summary>
    public static void NoFailures(IReadOnlyCollection<string> failures) =>
        Assert.True(failures.Count == 0, $"{failures.Count} problem(s):\n" + string.Join("\n", failures));
}
