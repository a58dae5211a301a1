using System.Collections.Concurrent;
using Serilog;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace NewsPortal.Hosting;

public static class LoggingRegistration
{
    // The sinks the "Serilog" section may name (Console, File). Given explicitly: otherwise Serilog finds them by
    // reading the metadata of every assembly in the application folder at start, which costs start-up time and leaves
    // them all mapped in memory.
    private static readonly ConfigurationReaderOptions SinkAssemblies = new(
        typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly);

    /// <summary>Levels come from the "Serilog" section; the sink is readable text in Development, compact JSON elsewhere.</summary>
    public static WebApplicationBuilder AddNewsLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration, SinkAssemblies).ReadFrom.Services(services).Enrich.FromLogContext();
            if (development)
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            else
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
        },
        // Each host logs through its own logger, not the process-wide static one: with several hosts in one process
        // (the tests), the static logger would carry every host's events to whichever host started last.
        preserveStaticLogger: true);
        KeepOneLoggerPerCategory(builder.Services);
        return builder;
    }

    /// <summary>
    /// ASP.NET Core asks the logger factory for a logger on every request (each authentication handler is made afresh)
    /// and counts on getting the same one back, as the framework's own factory does. Serilog's factory builds a new
    /// logger, with its own caches, every time: on cached pages that was about a twentieth of all the memory allocated.
    /// </summary>
    private static void KeepOneLoggerPerCategory(IServiceCollection services)
    {
        var serilogFactory = services.Last(service => service.ServiceType == typeof(ILoggerFactory));
        services.Remove(serilogFactory);
        services.AddSingleton<ILoggerFactory>(provider => new OneLoggerPerCategory((ILoggerFactory)serilogFactory.ImplementationFactory!(provider)));
    }

    private sealed class OneLoggerPerCategory(ILoggerFactory inner) : ILoggerFactory
    {
        private readonly ConcurrentDictionary<string, Microsoft.Extensions.Logging.ILogger> loggers = new();

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, inner.CreateLogger);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        // Disposing Serilog's factory flushes and closes the sinks.
        public void Dispose() => inner.Dispose();
    }
}
