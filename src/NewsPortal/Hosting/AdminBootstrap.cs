using Microsoft.Extensions.Options;
using NewsPortal.Core.Accounts;

namespace NewsPortal.Hosting;

/// <summary>
/// Creates the first administrator when no account exists yet. There is no default password: it comes from
/// Admin__Password, or in Development only, is generated and printed once.
/// </summary>
public static class AdminBootstrap
{
    private const string DevelopmentEmail = "admin@localhost";

    public static async Task EnsureFirstAdminAsync(IServiceProvider services, IHostEnvironment environment, ILogger logger)
    {
        var accounts = services.GetRequiredService<AccountAdministration>();
        // Roles are made with the first account that needs them (CreateAsync), not looked up at every start.
        if (await accounts.AnyUserAsync()) return;

        var options = services.GetRequiredService<IOptions<AdminBootstrapOptions>>().Value;
        var email = string.IsNullOrWhiteSpace(options.Email) ? (environment.IsDevelopment() ? DevelopmentEmail : null) : options.Email;
        if (email is null)
        {
            logger.LogWarning("No editor accounts exist. Create the first administrator with: create-admin --email <address>, or set Admin__Email and Admin__Password");
            return;
        }
        if (string.IsNullOrEmpty(options.Password) && !environment.IsDevelopment())
        {
            logger.LogWarning("Admin__Email is set but Admin__Password is not; no administrator was created");
            return;
        }

        var result = await accounts.CreateAsync(email, PortalRoles.Admin, string.IsNullOrEmpty(options.Password) ? null : options.Password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create the first administrator {email}: {string.Join(" ", result.Errors)}");
        if (string.IsNullOrEmpty(options.Password))
            // Development only: printed once; it is not stored anywhere else in clear.
            Console.WriteLine($"First administrator created: {email} with password {result.GeneratedPassword} (shown once; change it under /admin/account)");
        else
            logger.LogInformation("First administrator {Email} created from configuration", email);
    }
}
