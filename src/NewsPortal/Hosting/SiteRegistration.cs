using System.Text.Encodings.Web;
using System.Text.Unicode;
using NewsPortal.Core.Data;
using Serilog;

namespace NewsPortal.Hosting;

public static class SiteRegistration
{
    public static IServiceCollection AddNewsSite(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddControllersWithViews();
        // Archived pages are multilingual; emit "ö" as itself, still escaping what HTML needs escaped.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddHealthChecks().AddDbContextCheck<NewsDbContext>(tags: ["ready"]);
        return services;
    }

    public static WebApplication UseNewsSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error");
        // 404 and other empty error responses get the page in the site chrome, with the original status code.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging();
        app.UseRouting();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapStaticAssets();
        app.MapControllers();
        return app;
    }
}
