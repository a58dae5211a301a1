using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Accounts;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

/// <summary>SEC-01, SEC-02: every admin endpoint, found from the route table, refuses anonymous readers and lower roles.</summary>
public sealed class AdminAuthorizationTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static readonly string[] AnonymousPaths = ["admin/login", "admin/login/two-factor", "admin/access-denied"];
    private static readonly string[] AdminOnlyPrefixes = ["admin/users", "admin/audit"];

    private IReadOnlyList<(string Method, string Path)> AdminEndpoints()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, Path: "/" + Fill(e.RoutePattern.RawText!.TrimStart('/')))))
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} admin endpoints found");
        return endpoints;
    }

    private static string Fill(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", "1");

    [Fact]
    public async Task Anonymous_requests_to_admin_endpoints_never_succeed()
    {
        var itemsBefore = await CountItemsAsync();
        var client = factory.CreateBrowserLikeClient();

        foreach (var (method, path) in AdminEndpoints())
        {
            if (AnonymousPaths.Contains(path.TrimStart('/'))) continue;
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method == "POST" ? new FormUrlEncodedContent([new("version", Guid.Empty.ToString())]) : null,
            });

            Assert.False(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}");
            if (method is "GET" or "HEAD")
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("https://localhost/admin/login?ReturnUrl=", response.Headers.Location!.ToString());
            }
        }
        Assert.Equal(itemsBefore, await CountItemsAsync());
    }

    [Fact]
    public async Task Editors_cannot_reach_the_administrators_pages()
    {
        var editor = await EditorSession.SignInAsync(factory, PortalRoles.Editor);
        var (_, items) = await editor.GetAsync("/admin/items");
        var token = items.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        foreach (var (method, path) in AdminEndpoints().Where(e => AdminOnlyPrefixes.Any(p => e.Path.TrimStart('/').StartsWith(p, StringComparison.Ordinal))))
        {
            var response = method is "GET" or "HEAD"
                ? await editor.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))
                : await editor.Client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("https://localhost/admin/access-denied", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public void Every_admin_controller_requires_the_editor_policy()
    {
        var controllers = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace == "NewsPortal.Areas.Admin.Controllers" && t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.Controller)) && !t.IsAbstract);

        Assert.All(controllers, controller =>
            Assert.Contains(controller.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>(), a => a.Policy == "Editor"));
    }

    private Task<int> CountItemsAsync() =>
        factory.WithScopeAsync(services => Task.FromResult(services.GetRequiredService<NewsPortal.Core.Data.NewsDbContext>().NewsItems.Count()));
}
