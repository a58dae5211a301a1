using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.StaticFiles;
using NewsPortal.Core.Data;
using NewsPortal.Routing;
using Serilog;

namespace NewsPortal.Hosting;

public static class SiteRegistration
{
    public static IServiceCollection AddNewsSite(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Every unsafe request must carry an antiforgery token, whatever the controller says.
        services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.Filters.Add<AntiforgeryRejectionLogging>();
            options.Conventions.Add(new AnswerHeadLikeGet());
        });
        // Archived pages are multilingual; emit "ö" as itself, still escaping what HTML needs escaped.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddHealthChecks().AddDbContextCheck<NewsDbContext>(tags: ["ready"]);
        services.AddPublicPageCaching();
        services.AddSecurityHeaders();
        return services;
    }

    public static WebApplication UseNewsSite(this WebApplication app)
    {
        UseTrustedProxies(app);
        // One line per request with the status the client got, at Information (Error for a 5xx): outside the error
        // pages, so a 404 shown through /error/404 is one line. The middleware writes to Serilog's static logger unless
        // given one, and the portal leaves the static logger unused (see LoggingRegistration): without this, nothing.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error");
        app.UseSecurityHeaders();
        // 404 and other empty error responses get the page in the site chrome, with the original status code.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseHttpsOnly();
        // Plain static files rather than MapStaticAssets: its build-time manifest promises pre-compressed
        // copies that exist only in publish output, so a build run outside Development served empty CSS.
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = TextAsUtf8(), OnPrepareResponse = CacheVersionedAssets });
        app.UseRouting();
        RefuseAdminWithoutHttps(app);
        app.UsePublicPageCaching();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapControllers();
        return app;
    }

    /// <summary>
    /// With Secure cookies the admin area cannot work over plain HTTP; say so plainly instead of failing deeper down.
    /// </summary>
    private static void RefuseAdminWithoutHttps(WebApplication app)
    {
        if (!app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.RequireHttps) return;
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/admin") && !context.Request.IsHttps, admin => admin.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The admin area needs HTTPS. Serve the portal over TLS, or name the TLS-terminating proxy in " +
                "Proxy:KnownProxies; for local development only, set Security:RequireHttps to false.");
        }));
    }

    /// <summary>
    /// Behind a configured proxy, the client address (rate limits, audit log) and the scheme (Secure cookies, canonical
    /// links) come from its forwarded headers; from anyone else they are ignored.
    /// </summary>
    private static void UseTrustedProxies(WebApplication app)
    {
        var proxies = app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (proxies.KnownProxies.Length == 0 && proxies.KnownNetworks.Length == 0) return;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        for (var i = 0; i < proxies.KnownProxies.Length; i++)
            options.KnownProxies.Add(System.Net.IPAddress.TryParse(proxies.KnownProxies[i], out var address) ? address
                : throw new ConfigurationProblem($"{ProxyOptions.Section}:KnownProxies:{i} is \"{proxies.KnownProxies[i]}\", not an IP address " +
                    "(e.g. 10.0.0.5; a host name is not resolved). Set Proxy__KnownProxies__{i} to an address, or name a network in Proxy__KnownNetworks__0."));
        for (var i = 0; i < proxies.KnownNetworks.Length; i++)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(proxies.KnownNetworks[i], out var network) ? network
                : throw new ConfigurationProblem($"{ProxyOptions.Section}:KnownNetworks:{i} is \"{proxies.KnownNetworks[i]}\", not a network in CIDR form (e.g. 10.0.0.0/24)."));
        app.UseForwardedHeaders(options);
    }

    /// <summary>Links made with asp-append-version carry ?v=hash, so their content never changes under that address.</summary>
    private static void CacheVersionedAssets(StaticFileResponseContext context)
    {
        var versioned = context.Context.Request.Query.ContainsKey("v");
        context.Context.Response.Headers.CacheControl = versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600";
    }

    /// <summary>The site's text files are UTF-8; saying so keeps a browser from guessing (SEC-28).</summary>
    private static FileExtensionContentTypeProvider TextAsUtf8()
    {
        var types = new FileExtensionContentTypeProvider();
        foreach (var (extension, type) in types.Mappings.Where(m => m.Value.StartsWith("text/", StringComparison.Ordinal)).ToList())
            types.Mappings[extension] = type + "; charset=utf-8";
        return types;
    }
}
