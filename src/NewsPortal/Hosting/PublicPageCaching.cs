using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsPortal.Core.News;

namespace NewsPortal.Hosting;

/// <summary>
/// Public pages and feeds are served from memory, compressed once, with validators for 304 answers. A cached page is
/// stored under the content version it was rendered at, so the first request after any commit (here, or on another
/// instance, told by NOTIFY) renders afresh: no editor ever sees a page from before their save. Admin pages,
/// signed-in requests and responses that set cookies are never cached (the output cache's default rules).
/// </summary>
public static class PublicPageCaching
{
    public const string Policy = "PublicPages";
    public const string Tag = "content";

    public static IServiceCollection AddPublicPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<SiteOptions>, IOptionsMonitor<CookieAuthenticationOptions>>((options, site, cookies) =>
        {
            options.SizeLimit = 64 * 1024 * 1024;
            var sessionCookie = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name!;
            options.AddPolicy(Policy, policy => policy
                // The cache answers before authentication runs (see UsePublicPageCaching), so it cannot ask who is
                // signed in; a request that carries an editor's session cookie, valid or not, skips it instead.
                .With(context => !context.HttpContext.Request.Cookies.ContainsKey(sessionCookie))
                .SetVaryByQuery("*")
                .SetVaryByHeader(HeaderNames.AcceptEncoding)
                .VaryByValue(context => new("content-version", CurrentContentVersion(context.RequestServices)))
                .Expire(site.Value.PageCacheDuration)
                .Tag(Tag));
        });
        services.AddResponseCompression(options =>
        {
            // Only public pages are compressed (see UsePublicPageCaching): they carry no secret a BREACH attack could
            // extract, so HTTPS responses may be compressed too.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/rss+xml", "application/atom+xml", "application/link-format", "image/svg+xml"]);
        });
        // Compressed once per cached page, so the better ratio is worth the little extra time.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.AddHostedService<OutputCacheEviction>();
        services.AddSingleton<ScheduledPublication>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledPublication>());
        return services;
    }

    private static string CurrentContentVersion(IServiceProvider services)
    {
        services.GetRequiredService<ScheduledPublication>().BumpIfDue();
        return services.GetRequiredService<ContentVersion>().Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// After routing (the policy is the endpoint's) and before authentication: a page from memory costs no cookie
    /// check, no authorization and no rate limiter (about a tenth of a cached page's CPU samples went there). Pages
    /// are stored compressed, since compression runs inside the cache.
    /// </summary>
    public static WebApplication UsePublicPageCaching(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.CachePublicPages) app.UseOutputCache();
        app.UseWhen(IsPublicPage, page =>
        {
            page.UseResponseCompression();
            page.Use(EntityTagAsync);
        });
        return app;
    }

    private static bool IsPublicPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == Policy
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));

    /// <summary>
    /// Gives a rendered page a validator (a hash of its bytes) and answers 304 when the browser already has it. Runs only
    /// when the page is rendered; the output cache answers conditional requests for the pages it holds by itself.
    /// </summary>
    private static async Task EntityTagAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            // Weak: the same page compressed differently is still the same page.
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..12])}\"", isWeak: true);
            response.Headers.ETag = tag.ToString();
            // Browsers ask again every time (so an edit shows at once) and get 304 while nothing changed.
            response.Headers.CacheControl = "public, no-cache";
            var sent = context.Request.GetTypedHeaders().IfNoneMatch;
            if (sent.Any(candidate => candidate.Compare(tag, useStrongComparison: false) || candidate.Equals(EntityTagHeaderValue.Any)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.Remove(HeaderNames.ContentLength);
                return;
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Frees the memory of pages rendered at an older content version as soon as the version moves on.</summary>
    private sealed class OutputCacheEviction(ContentVersion version, IOutputCacheStore store, ILogger<OutputCacheEviction> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            version.Changed += Evict;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            version.Changed -= Evict;
            return Task.CompletedTask;
        }

        private void Evict() => _ = EvictAsync();

        private async Task EvictAsync()
        {
            try { await store.EvictByTagAsync(Tag, CancellationToken.None); }
            catch (Exception e) { logger.LogWarning(e, "Dropping cached pages failed; they expire by themselves"); }
        }
    }
}
