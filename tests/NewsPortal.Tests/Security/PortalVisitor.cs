using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Accounts;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Security;

/// <summary>One browser-like visitor of <see cref="SecurePortal"/>: a cookie jar, forms read from pages, tokens included.</summary>
public sealed class PortalVisitor : IDisposable
{
    private readonly SecurePortal _portal;

    public PortalVisitor(SecurePortal portal, bool plainHttp = false)
    {
        _portal = portal;
        Client = portal.NewClient(Cookies, plainHttp);
    }

    public CookieContainer Cookies { get; } = new();
    public HttpClient Client { get; }
    public string? Email { get; private set; }

    /// <summary>Creates an account with <paramref name="role"/> and signs in with it.</summary>
    public static async Task<PortalVisitor> SignedInAsync(SecurePortal portal, string role = PortalRoles.Editor)
    {
        var visitor = portal.NewVisitor();
        var email = await CreateAccountAsync(portal, role);
        var response = await visitor.SignInAsync(email, EditorSession.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        return visitor;
    }

    public static Task<string> CreateAccountAsync(SecurePortal portal, string role = PortalRoles.Editor) =>
        EditorSession.CreateAccountAsync(portal.Factory, role);

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = null)
    {
        Email = email;
        var fields = new Dictionary<string, string> { ["Email"] = email, ["Password"] = password };
        if (returnUrl is not null) fields["ReturnUrl"] = returnUrl;
        return await SubmitAsync("/admin/login", "/admin/login", fields);
    }

    public Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(string path) => Client.GetPageAsync(path);

    /// <summary>The named fields of the form on <paramref name="page"/> that posts to <paramref name="action"/>, as a browser would send them.</summary>
    public async Task<Dictionary<string, string>> FormAsync(string page, string action)
    {
        var (response, document) = await GetPageAsync(page);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {page} answered {(int)response.StatusCode}");
        var form = document.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to {action} on {page}");
        return EditorSession.FormValues(form);
    }

    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, Dictionary<string, string> fields)
    {
        var values = await FormAsync(page, action);
        foreach (var (name, value) in fields) values[name] = value;
        return await PostAsync(action, values);
    }

    public Task<HttpResponseMessage> PostAsync(string action, Dictionary<string, string> values) =>
        Client.PostAsync(action, new MultipartFormDataContentFrom(values));

    /// <summary>Posts with the antiforgery token found on <paramref name="tokenPage"/>, as the page's own script would.</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string tokenPage, string action, Dictionary<string, string> fields)
    {
        var (_, page) = await GetPageAsync(tokenPage);
        fields["__RequestVerificationToken"] = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await PostAsync(action, fields);
    }

    /// <summary>The current value of a cookie this visitor holds for the portal.</summary>
    public string? Cookie(string name) => Cookies.GetCookies(_portal.HttpsAddress)[name]?.Value;

    public void Dispose() => Client.Dispose();
}
