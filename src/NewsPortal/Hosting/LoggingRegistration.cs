using Serilog;
using Serilog.Formatting.Compact;

namespace NewsPortal.Hosting;

public static class LoggingRegistration
{
    /// <summary>Levels come from the "Serilog" section; the sink is readable text in Development, compact JSON elsewhere.</summary>
    public static WebApplicationBuilder AddNewsLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
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
