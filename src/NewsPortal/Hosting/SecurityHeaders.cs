using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NewsPortal.Hosting;

/// <summary>
/// The browser-side walls on every response: a Content-Security-Policy that runs only the site's own script files (so
/// markup that slips into a page still cannot run), no framing, no MIME sniffing, a referrer policy, HSTS outside
/// Development, HTTPS redirection, and no server banner.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Only files from this site: no inline script or style (the pages use none), no plugins, no &lt;base&gt; rewriting,
    /// forms post only here, and no other site may frame a page.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        // ASVS V3.4.1 asks for a year and subdomains; the framework's default is 30 days without them.
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        return services;
    }

    /// <summary>
    /// Right after the exception handler, which clears the headers of a failed response and runs the pipeline again from
    /// here for its error page; so error pages, static files and cached pages all carry the headers. Set up front rather
    /// than as the response starts: the cached pages, served thousands of times a second, pay no callback for them.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            AddHeaders(context);
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// After the exception handler, for the same reason: HSTS outside Development, and plain HTTP sent on to HTTPS when
    /// the portal itself serves HTTPS. Health probes stay on plain HTTP, as container health checks and load balancers
    /// call them that way.
    /// </summary>
    public static WebApplication UseHttpsOnly(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.RequireHttps)
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        return app;
    }

    private static void AddHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        // Photos replace it with a stricter policy of their own (default-src 'none'; sandbox).
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        var admin = context.Request.Path.StartsWithSegments("/admin");
        // Admin addresses name items and drafts: they are not passed on to other sites at all.
        headers["Referrer-Policy"] = admin ? "no-referrer" : "strict-origin-when-cross-origin";
        // Signed-in pages are kept by neither the browser nor any shared cache (Back after sign-out shows nothing).
        if (admin) headers.CacheControl = "no-store";
    }
}
