using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Accounts;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Data;

namespace NewsPortal.Hosting;

public static class IdentityRegistration
{
    public const string EditorPolicy = "Editor";
    public const string AdminPolicy = "Admin";
    public const string LoginRateLimit = "login";
    public const string UploadRateLimit = "uploads";
    private const string SignedInAtKey = "np.signed_in_at";

    public static IServiceCollection AddEditorAccounts(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminBootstrapOptions>().BindConfiguration(AdminBootstrapOptions.Section);

        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                // ASVS: length over composition (V2.1.1, 2.1.9); lockout counts failures (V2.2.1).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddPasswordValidator<PortalPasswordValidator>()
            .AddSignInManager<PortalSignInManager>();

        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SecurityOptions>>((stamp, security) => stamp.ValidationInterval = security.Value.SessionValidationInterval);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>>((cookie, security) => ConfigureSessionCookie(cookie, security.Value));
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
            services.AddOptions<CookieAuthenticationOptions>(scheme)
                .Configure<IOptions<SecurityOptions>>((cookie, security) => cookie.Cookie.SecurePolicy = SecurePolicy(security.Value));
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>()
            .Configure<IOptions<SecurityOptions>>((antiforgery, security) =>
            {
                antiforgery.Cookie.Name = CookieName("np-af", security.Value);
                antiforgery.Cookie.SecurePolicy = SecurePolicy(security.Value);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, policy => policy.RequireRole(PortalRoles.Editor, PortalRoles.Admin))
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(PortalRoles.Admin));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // Per client address: the connection's, or X-Forwarded-For from a configured proxy only (Proxy section);
            // per-account guessing is stopped by the lockout.
            options.AddPolicy(LoginRateLimit, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.LoginAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            // Item forms and imports carry files that are stored before anything else is decided: per signed-in account,
            // far above what a person clicks, low enough that a script cannot fill the disk in a hurry (SEC-32).
            options.AddPolicy(UploadRateLimit, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.UploadsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

        services.AddScoped<AccountAdministration>();
        services.AddScoped<AuditLog>();
        return services;
    }

    private static CookieSecurePolicy SecurePolicy(SecurityOptions security) =>
        security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    // Browsers accept a "__Host-" cookie only when it is Secure, host-only and for path "/".
    private static string CookieName(string name, SecurityOptions security) => security.RequireHttps ? "__Host-" + name : name;

    private static void ConfigureSessionCookie(CookieAuthenticationOptions cookie, SecurityOptions security)
    {
        cookie.Cookie.Name = CookieName("np-auth", security);
        cookie.Cookie.SecurePolicy = SecurePolicy(security);
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.Path = "/";
        cookie.LoginPath = "/admin/login";
        cookie.LogoutPath = "/admin/logout";
        cookie.AccessDeniedPath = "/admin/access-denied";
        cookie.ExpireTimeSpan = security.IdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.Events.OnSigningIn = context =>
        {
            // Sliding renewal re-issues the cookie with the same properties, so the first sign-in time survives.
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items.TryAdd(SignedInAtKey, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        };
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            if (context.Properties.Items.TryGetValue(SignedInAtKey, out var signedIn)
                && long.TryParse(signedIn, CultureInfo.InvariantCulture, out var seconds)
                && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > security.AbsoluteTimeout)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        };
    }
}
