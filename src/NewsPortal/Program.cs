using NewsPortal.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsLogging();
builder.Services.AddNewsStorage();
builder.Services.AddEditorAccounts();
builder.Services.AddNewsSite();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(app, args);

app.UseNewsSite();
await app.RunAsync();
return 0;

/// <summary>Entry point type for WebApplicationFactory in the tests.</summary>
public partial class Program;
