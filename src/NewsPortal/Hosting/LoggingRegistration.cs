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
        return builder;
    }
}
