using AngleSharp;
using AngleSharp.Dom;

namespace NewsPortal.Tests.Fixtures;

/// <summary>Fetches a page and parses it the way a browser would, for assertions on what a reader sees.</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var document = await ParseAsync(await response.Content.ReadAsStringAsync());
        return (response, document);
    }

    /// <summary>Text as displayed: inner white space collapsed.</summary>
    public static string Text(this IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
