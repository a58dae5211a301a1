using NewsPortal.Core.Storage;
using NewsPortal.Hosting;

// The container's HEALTHCHECK: a plain HTTP probe of the running portal, answered before anything else is built.
if (HealthProbe.IsCommand(args)) return await HealthProbe.RunAsync();

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsLogging();
try
{
    builder.Services.AddNewsStorage(builder.Configuration);
}
catch (StorageException problem)
{
    // Before the host exists there is no logger yet.
    await Console.Error.WriteLineAsync($"Cannot start: {problem.Message}");
    return 1;
}
builder.Services.AddEditorAccounts();
builder.Services.AddNewsSite();
builder.Services.AddLinkWatch();

var app = builder.Build();
try
{
    if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(app, args);
    // The database work and building the request pipeline need nothing from each other; on two cores they overlap.
    var storage = Task.Run(() => app.PrepareStorageAsync(serving: true));
    try { app.UseNewsSite(); }
    catch
    {
        // A migration in progress finishes before the process ends, rather than being cut off.
        await storage.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        throw;
    }
    await storage;
}
catch (Exception problem) when (problem is StorageException or ConfigurationProblem)
{
    // The operator's fix is in the message; a stack trace would only bury it.
    app.Logger.LogCritical("Cannot start: {Problem:l}", problem.Message);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point type for WebApplicationFactory in the tests.</summary>
public partial class Program;
