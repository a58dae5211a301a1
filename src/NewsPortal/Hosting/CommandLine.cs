using NewsPortal.Core.Accounts;

namespace NewsPortal.Hosting;

/// <summary>
/// Operator commands run instead of the web server: `dotnet run --project src/NewsPortal -- create-admin --email a@b.c`.
/// The password is read from NEWSPORTAL_ADMIN_PASSWORD or standard input, never from the command line.
/// </summary>
public static class CommandLine
{
    public const string PasswordVariable = "NEWSPORTAL_ADMIN_PASSWORD";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "create-admin" or "import" or "export";

    public static Task<int> RunAsync(WebApplication app, string[] args) => args[0] switch
    {
        "import" => ImportCommand.RunAsync(app, args),
        "export" => ImportCommand.ExportAsync(app, args),
        _ => CreateAdminAsync(app, args),
    };

    private static async Task<int> CreateAdminAsync(WebApplication app, string[] args)
    {
        var email = ValueOf(args, "--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            Console.Error.WriteLine("Usage: create-admin --email <address>   (password from NEWSPORTAL_ADMIN_PASSWORD or standard input)");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected) Console.Write("Password (at least 12 characters): ");
            password = Console.IsInputRedirected ? Console.In.ReadLine() : ReadHidden();
        }
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine($"No password given: set {PasswordVariable} or type it on standard input.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync(email, PortalRoles.Admin, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine(error);
            return 1;
        }
        Console.WriteLine($"Administrator {email} created.");
        return 0;
    }

    public static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string ReadHidden()
    {
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }
}
