using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsPortal.BrowserTests.Security;

/// <summary>
/// The attacker's site: a minimal Kestrel server on 127.0.0.2 (all of 127/8 is loopback on Linux), a different origin
/// and a different site from the portal on 127.0.0.1. Serves the HTML pages a test puts into it, nothing else.
/// </summary>
public sealed class OtherOriginSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _pages = new();
    private WebApplication _app = null!;

    public Uri Address { get; private set; } = null!;

    public static async Task<OtherOriginSite> StartAsync()
    {
        var site = new OtherOriginSite();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse("127.0.0.2"), 0));
        site._app = builder.Build();
        site._app.Run(async context =>
        {
            if (!site._pages.TryGetValue(context.Request.Path.Value ?? "", out var html))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(html);
        });
        await site._app.StartAsync();
        site.Address = new Uri(site._app.Urls.Single());
        return site;
    }

    /// <summary>Serves <paramref name="html"/> at <paramref name="path"/> and returns its full address.</summary>
    public string Serve(string path, string html)
    {
        _pages[path] = html;
        return new Uri(Address, path).ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
