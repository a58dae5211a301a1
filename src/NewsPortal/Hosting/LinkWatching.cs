using System.Net;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Links;

namespace NewsPortal.Hosting;

/// <summary>
/// The link-rot watch (off by default, LinkWatch:Enabled): a minute after start and then hourly, the addresses whose
/// last result is older than LinkWatch:RecheckAfter are asked again. On several instances, turn it on for one only.
/// </summary>
public sealed class LinkWatching(IServiceScopeFactory scopes, IOptions<LinkWatchOptions> options, TimeProvider clock, ILogger<LinkWatching> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        try
        {
            await Task.Delay(FirstDelay, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var asked = await scope.ServiceProvider.GetRequiredService<LinkWatch>().CheckDueAsync(stoppingToken);
                    if (asked > 0) logger.LogInformation("Link watch: checked {Count} addresses", asked);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The link watch failed; trying again in {Interval}", Interval);
                }
                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}

public static class LinkWatchRegistration
{
    public static IServiceCollection AddLinkWatch(this IServiceCollection services)
    {
        services.AddOptions<LinkWatchOptions>().BindConfiguration(LinkWatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<LinkChecker>(client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd("NewsPortal-LinkWatch/1.0");
                // Each request has LinkWatch:RequestTimeout of its own.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // Redirects are followed by LinkChecker itself, to allowed hosts only; nothing is remembered between requests.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
            });
        services.AddScoped<LinkWatch>();
        services.AddHostedService<LinkWatching>();
        return services;
    }
}
