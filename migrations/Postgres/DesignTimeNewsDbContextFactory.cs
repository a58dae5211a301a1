using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsPortal.Core.Data;

namespace NewsPortal.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add --project migrations/Postgres` build the model; no server is contacted.</summary>
internal sealed class DesignTimeNewsDbContextFactory : IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        PostgresDatabase.Use(options, "Host=127.0.0.1;Database=newsportal_design_time", compiledModel: false);
        return new NewsDbContext(options.Options);
    }
}
