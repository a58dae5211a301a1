using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Hosting;

/// <summary>
/// The "Serilog" section may add the sinks that ship with the portal. The portal names their assemblies to Serilog
/// instead of letting it scan the application folder, so a sink left off that list would be ignored without a word.
/// </summary>
public sealed class LoggingConfigurationTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    /// <summary>
    /// The framework asks for a logger on every request (each authentication handler is made afresh) and relies on the
    /// factory to hand back the one it made before; Serilog's own factory built a new one, with its caches, every time.
    /// </summary>
    [Fact]
    public void The_logger_factory_hands_back_the_same_logger_for_a_category()
    {
        var loggers = factory.Services.GetRequiredService<ILoggerFactory>();
        var category = typeof(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler).FullName!;

        Assert.Same(loggers.CreateLogger(category), loggers.CreateLogger(category));
    }

    [Fact]
    public async Task A_file_sink_named_in_the_environment_receives_the_portals_log()
    {
        var dataFolder = NewsPortalFactory.NewDataFolder();
        var logFile = Path.Combine(dataFolder, "logs", "portal.log");
        try
        {
            using var portal = PortalCommand.Start(dataFolder, new()
            {
                ["Serilog__MinimumLevel__Default"] = "Information",
                ["Serilog__WriteTo__0__Name"] = "File",
                ["Serilog__WriteTo__0__Args__path"] = logFile,
            });
            try
            {
                // The host's "Now listening on" line comes once the site is up.
                var deadline = DateTime.UtcNow.AddMinutes(1);
                while (!(File.Exists(logFile) && ReadShared(logFile).Contains("Now listening on")) && DateTime.UtcNow < deadline)
                {
                    if (portal.HasExited) Assert.Fail("the portal stopped: " + await portal.StandardError.ReadToEndAsync());
                    await Task.Delay(100);
                }
            }
            finally
            {
                portal.Kill(entireProcessTree: true);
                await portal.WaitForExitAsync();
            }

            Assert.True(File.Exists(logFile), "the file sink was not created");
            Assert.Contains("Now listening on", ReadShared(logFile));
        }
        finally
        {
            if (Directory.Exists(dataFolder)) Directory.Delete(dataFolder, recursive: true);
        }
    }

    // The sink keeps the file open while the portal runs.
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
