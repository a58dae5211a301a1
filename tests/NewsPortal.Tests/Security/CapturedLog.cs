using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace NewsPortal.Tests.Security;

/// <summary>A Serilog sink beside the console one: every event the app writes, for SEC-45/46.</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    /// <summary>Marks the current end of the log, so a test reads only what its own requests caused.</summary>
    public int Mark() => _events.Count;

    public IReadOnlyList<LogEvent> Since(int mark) => _events.Skip(mark).ToList();

    /// <summary>What the production console sink writes for these events (compact JSON, one event per line).</summary>
    public static string AsProductionOutput(IEnumerable<LogEvent> events)
    {
        var formatter = new RenderedCompactJsonFormatter();
        using var output = new StringWriter();
        foreach (var logEvent in events) formatter.Format(logEvent, output);
        return output.ToString();
    }
}
