using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Accounts;

namespace NewsPortal.Tests.Fixtures;

/// <summary>A signed-in editor (or admin) driving the admin pages over HTTP, forms and tokens included.</summary>
public sealed class EditorSession(NewsPortalFactory factory, string email, string password)
{
    public const string Password = "a long test passphrase for editors";

    public CookieContainer Cookies { get; } = new();
    public HttpClient Client => _client ??= factory.CreateBrowserLikeClient(Cookies);
    private HttpClient? _client;
    public string Email { get; } = email;
    public string UserPassword { get; } = password;

    public static async Task<string> CreateAccountAsync(NewsPortalFactory factory, string role = PortalRoles.Editor, string password = Password)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var result = await factory.WithScopeAsync(services => services.GetRequiredService<AccountAdministration>().CreateAsync(email, role, password));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return email;
    }

    public static async Task<EditorSession> SignInAsync(NewsPortalFactory factory, string role = PortalRoles.Editor)
    {
        var email = await CreateAccountAsync(factory, role);
        var session = new EditorSession(factory, email, Password);
        var response = await session.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        return session;
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        SubmitAsync("/admin/login", "/admin/login", new() { ["Email"] = email, ["Password"] = password });

    public Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string path) => Client.GetPageAsync(path);

    /// <summary>Opens <paramref name="formPage"/>, takes the antiforgery token of its form, posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var (_, page) = await GetAsync(formPage);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to {action} on {formPage}");
        var values = FormValues(form);
        foreach (var (name, value) in fields) values[name] = value;
        return await PostAsync(action, values);
    }

    /// <summary>Posts with the antiforgery token found on <paramref name="tokenPage"/>, as a page's script would.</summary>
    public async Task<HttpResponseMessage> PostWithTokenFromAsync(string tokenPage, string action, Dictionary<string, string> fields)
    {
        var (_, page) = await GetAsync(tokenPage);
        fields["__RequestVerificationToken"] = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await PostAsync(action, fields);
    }

    public Task<HttpResponseMessage> PostAsync(string action, Dictionary<string, string> values) =>
        Client.PostAsync(action, new MultipartFormDataContentFrom(values));

    /// <summary>Every named field of a form with the value a browser would send unchanged.</summary>
    public static Dictionary<string, string> FormValues(IElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var field in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = field.GetAttribute("name")!;
            switch (field.LocalName)
            {
                case "textarea":
                    values[name] = field.TextContent.StartsWith('\n') ? field.TextContent[1..] : field.TextContent;
                    break;
                case "select":
                    values[name] = (field.QuerySelector("option[selected]") ?? field.QuerySelector("option"))?.GetAttribute("value") ?? "";
                    break;
                default:
                    var type = field.GetAttribute("type");
                    if (type is "file" or "submit") break;
                    if (type is "checkbox" or "radio") { if (field.HasAttribute("checked")) values[name] = field.GetAttribute("value") ?? "on"; break; }
                    values.TryAdd(name, field.GetAttribute("value") ?? "");
                    break;
            }
        }
        return values;
    }
}

/// <summary>Form fields as multipart/form-data, the encoding of the item form (it can carry a photo).</summary>
public sealed class MultipartFormDataContentFrom : MultipartFormDataContent
{
    public MultipartFormDataContentFrom(Dictionary<string, string> values)
    {
        foreach (var (name, value) in values) Add(new StringContent(value), name);
    }
}
