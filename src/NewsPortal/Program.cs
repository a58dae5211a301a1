using NewsPortal.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsLogging();
builder.Services.AddNewsStorage();
builder.Services.AddNewsSite();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseNewsSite();
app.Run();

/// <summary>Entry point type for WebApplicationFactory in the tests.</summary>
public partial class Program;
