using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Hosting;

/// <summary>Operators read one line per request in the portal's log: method, path, status and time.</summary>
public sealed class RequestLoggingTests : IDisposable
{
    private readonly NewsPortalFactory _factory = new();
    private readonly CapturingSink _log = new();

    public RequestLoggingTests()
    {
        _factory.Settings["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information";
        // The portal's logger takes sinks registered as services (ReadFrom.Services), as an operator's extra sink would be.
        _factory.TestServices = services => services.AddSingleton<ILogEventSink>(_log);
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_request_is_logged_with_its_path_status_and_time()
    {
        using var reader = _factory.CreateClient();

        await reader.GetAsync("/about");
        await reader.GetAsync("/no-such-page");

        var requests = _log.Events.Where(e => e.Properties.ContainsKey("StatusCode"))
            .Select(e => $"{Text(e, "RequestMethod")} {Text(e, "RequestPath")} {Text(e, "StatusCode")} {e.Level}").ToList();
        // The 404 page is rendered through /error/404, but the reader asked for one page and gets one line.
        Assert.Equal(["GET /about 200 Information", "GET /no-such-page 404 Information"], requests);
        Assert.All(_log.Events.Where(e => e.Properties.ContainsKey("StatusCode")), e => Assert.True(e.Properties.ContainsKey("Elapsed")));
    }

    private static string Text(LogEvent e, string property) => ((ScalarValue)e.Properties[property]).Value?.ToString() ?? "";

    private sealed class CapturingSink : ILogEventSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<LogEvent> _events = new();
        public IEnumerable<LogEvent> Events => _events;
        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
