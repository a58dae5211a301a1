using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Links;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Links;

/// <summary>
/// The link-rot watch, against a site of its own on 127.0.0.1: editors see which speech and video links no longer
/// work and which items carry them; the portal asks only the hosts it is told it may, and each address only when due.
/// </summary>
public sealed class LinkWatchTests : IAsyncLifetime
{
    private readonly NewsPortalFactory _factory = new();
    private readonly AdjustableClock _clock = new();
    private readonly WatchedSite _site = new();

    public LinkWatchTests()
    {
        _factory.Settings["LinkWatch:AllowedHosts:0"] = "127.0.0.1";
        _factory.Settings["LinkWatch:RequestTimeout"] = "00:00:01";
        _factory.Settings["LinkWatch:PauseBetweenRequests"] = "00:00:00";
        // The schedule itself stays off: each test runs the watch when it wants to.
        _factory.TestServices = services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.PostConfigure<LinkWatchOptions>(options => options.Enabled = false);
        };
    }

    public Task InitializeAsync() => _site.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _factory.Dispose();
    }

    private Task<int> RunWatchAsync() => _factory.WithScopeAsync(s => s.GetRequiredService<LinkWatch>().CheckDueAsync());

    private static IElement? RowOf(IDocument page, string url) => page.QuerySelector($"tr[data-url='{url}']");

    [Fact]
    public async Task Broken_links_and_links_that_move_away_are_listed_with_their_items()
    {
        var speech = await new NewsItemBuilder().Titled($"Speech item {Guid.NewGuid():N}")
            .WithLink(NewsLinkKind.Speech, "Read the full speech", _site.At("/speech"))
            .WithLink(NewsLinkKind.PressRelease, "Press release", _site.At("/gone"))
            .WithLink(NewsLinkKind.Speech, "Old address", _site.At("/old-speech"))
            .WithLink(NewsLinkKind.Video, "Watch a video", _site.At("/left"))
            .WithLink(NewsLinkKind.Other, "Head refused", _site.At("/no-head"))
            .WithLink(NewsLinkKind.Other, "Slow", _site.At("/slow"))
            .SaveAsync(_factory.Services);
        var body = await new NewsItemBuilder().Titled($"Body link item {Guid.NewGuid():N}")
            .WithBody($"See [the release]({_site.At("/gone")}) and [the same site by name]({_site.At("/speech").Replace("127.0.0.1", "localhost")}).")
            .SaveAsync(_factory.Services);
        var editor = await EditorSession.SignInAsync(_factory);

        var asked = await RunWatchAsync();
        var (_, page) = await editor.GetAsync("/admin/links");

        Assert.Equal(6, asked);
        Assert.Equal("3", page.QuerySelector("#working")!.TextContent);
        Assert.Equal("2", page.QuerySelector("#broken")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#moved-away")!.TextContent);
        var gone = RowOf(page, _site.At("/gone"))!;
        Assert.Equal("404 Not Found", gone.QuerySelectorAll("td")[1].TextContent);
        Assert.Equal([$"/admin/items/{speech.Id}/edit", $"/admin/items/{body.Id}/edit"],
            gone.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Order());
        Assert.Equal("no answer within 1 s", RowOf(page, _site.At("/slow"))!.QuerySelectorAll("td")[1].TextContent);
        Assert.Equal("moves to http://elsewhere.invalid/page", RowOf(page, _site.At("/left"))!.QuerySelectorAll("td")[1].TextContent);
        Assert.Null(RowOf(page, _site.At("/old-speech")));
        // "localhost" is not an allowed host: the same server by that name was never asked.
        Assert.DoesNotContain(_site.Requests, r => r.Host.StartsWith("localhost", StringComparison.Ordinal));
        Assert.Contains(_site.Requests, r => r is { Method: "GET", Path: "/no-head" });
    }

    [Fact]
    public async Task An_address_is_asked_again_only_once_its_result_is_old_and_a_lasting_failure_keeps_its_first_date()
    {
        await new NewsItemBuilder().WithLink(NewsLinkKind.Speech, "Read the full speech", _site.At("/gone")).SaveAsync(_factory.Services);
        await RunWatchAsync();
        var firstFailure = (await _factory.WithScopeAsync(s => s.GetRequiredService<LinkWatch>().ReportAsync())).Links.Single().Check!.BrokenSinceUtc;

        var soonAfter = await RunWatchAsync();
        _clock.Advance(TimeSpan.FromDays(8));
        var weekLater = await RunWatchAsync();

        var check = (await _factory.WithScopeAsync(s => s.GetRequiredService<LinkWatch>().ReportAsync())).Links.Single().Check!;
        Assert.Equal(0, soonAfter);
        Assert.Equal(1, weekLater);
        Assert.Equal(2, _site.Requests.Count(r => r.Path == "/gone"));
        Assert.Equal(firstFailure, check.BrokenSinceUtc);
        Assert.True(check.CheckedAtUtc > firstFailure!.Value.AddDays(7));
    }

    [Fact]
    public async Task The_watch_is_off_until_an_operator_turns_it_on_and_the_page_says_so()
    {
        await using var portal = new NewsPortalFactory();
        var editor = await EditorSession.SignInAsync(portal);

        var (_, page) = await editor.GetAsync("/admin/links");

        Assert.NotNull(page.QuerySelector("#link-watch-off"));
        Assert.False(portal.Services.GetRequiredService<IOptions<LinkWatchOptions>>().Value.Enabled);
    }

    [Fact]
    public void Turning_it_on_without_naming_a_host_stops_the_start_with_the_reason()
    {
        using var portal = new NewsPortalFactory();
        portal.Settings["LinkWatch:Enabled"] = "true";

        var problem = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        Assert.Contains("LinkWatch:AllowedHosts names no host", problem.ToString());
    }

    /// <summary>A stand-in for the Commission's sites: a Kestrel server on 127.0.0.1 that records what it is asked.</summary>
    private sealed class WatchedSite : IAsyncDisposable
    {
        private WebApplication? _app;
        private string _origin = "";

        public ConcurrentQueue<(string Method, string Host, string Path)> Requests { get; } = new();

        public string At(string path) => _origin + path;

        public async Task StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _app = builder.Build();
            _app.Use((context, next) =>
            {
                Requests.Enqueue((context.Request.Method, context.Request.Host.Value ?? "", context.Request.Path.Value ?? ""));
                return next(context);
            });
            string[] getAndHead = ["GET", "HEAD"];
            _app.MapMethods("/speech", getAndHead, () => Results.Ok());
            _app.MapMethods("/gone", getAndHead, () => Results.NotFound());
            _app.MapMethods("/old-speech", getAndHead, () => Results.Redirect("/speech", permanent: true));
            _app.MapMethods("/left", getAndHead, () => Results.Redirect("http://elsewhere.invalid/page"));
            _app.MapGet("/no-head", () => Results.Ok());
            _app.MapMethods("/slow", getAndHead, async (CancellationToken ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return Results.Ok();
            });
            await _app.StartAsync();
            _origin = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null) await _app.DisposeAsync();
        }
    }
}
