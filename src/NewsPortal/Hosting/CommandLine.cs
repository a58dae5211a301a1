using System.Runtime.InteropServices;
using NewsPortal.Core.Accounts;
using NewsPortal.Core.Auditing;

namespace NewsPortal.Hosting;

/// <summary>
/// Operator commands run instead of the web server, e.g. `dotnet run --project src/NewsPortal -- create-admin --email a@b.c`.
/// The password is read from NEWSPORTAL_ADMIN_PASSWORD or standard input, never from the command line.
/// Ctrl+C or SIGTERM stops a command cleanly: an import in progress is rolled back whole.
/// </summary>
public static class CommandLine
{
    public const string PasswordVariable = "NEWSPORTAL_ADMIN_PASSWORD";

    private static readonly string[] Commands = ["create-admin", "import", "export", "backup", "restore", "unlock-migrations", "check-accessibility"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext signal) { signal.Cancel = true; stop.Cancel(); }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        // These work on the database file itself and must not open it through a migration first.
        switch (args[0])
        {
            case "backup": return await StorageCommands.BackupAsync(app, args, stop.Token);
            case "restore": return await StorageCommands.RestoreAsync(app, args, stop.Token);
            case "unlock-migrations": return StorageCommands.UnlockMigrations(app);
        }

        await app.PrepareStorageAsync(serving: false);
        try
        {
            return args[0] switch
            {
                "import" => await ImportCommand.RunAsync(app, args, stop.Token),
                "export" => await AuditedExportAsync(app, args, stop.Token),
                "check-accessibility" => await CheckAccessibilityAsync(app, stop.Token),
                _ => await CreateAdminAsync(app, args),
            };
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"{args[0]} stopped before it finished: nothing was changed.");
            return 130;
        }
    }

    /// <summary>
    /// An export from the command line is audited like one from /admin/export. It has no signed-in user: the event names
    /// the command line and the operating-system account that ran it. Written after the file is complete, as only then has
    /// anything been exported.
    /// </summary>
    private static async Task<int> AuditedExportAsync(WebApplication app, string[] args, CancellationToken ct)
    {
        var exitCode = await ImportCommand.ExportAsync(app, args, ct);
        if (exitCode != 0) return exitCode;
        // The same reading of --format as the export command's: anything but "markdown" writes JSON.
        var format = ValueOf(args, "--format") == "markdown" ? "markdown" : "json";
        await using var scope = app.Services.CreateAsyncScope();
        // Not cancelled by a late Ctrl+C: the file exists now, so the record must too.
        await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(AuditEventKind.Export, "command line", $"{format} export",
            $"{new Core.Export.ExportSelection().Description}, to {Path.GetFullPath(args[1])}, run as {Environment.UserName}", ct: CancellationToken.None);
        return exitCode;
    }

    /// <summary>The report of /admin/accessibility as text; exits 1 when anything was found, for scripts and CI.</summary>
    private static async Task<int> CheckAccessibilityAsync(WebApplication app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<Core.Accessibility.ArchiveAccessibilityCheck>().RunAsync(ct);
        foreach (var item in report.Items)
            foreach (var problem in item.Problems)
                Console.WriteLine($"{item.Slug}: {problem.Detail} (WCAG {problem.Criterion}, {problem.Rule})");
        Console.WriteLine(report.Summary);
        return report.ProblemCount == 0 ? 0 : 1;
    }

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
