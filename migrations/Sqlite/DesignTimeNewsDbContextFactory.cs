using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsPortal.Core.Data;

namespace NewsPortal.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add --project migrations/Sqlite` build the model without the web host.</summary>
internal sealed class DesignTimeNewsDbContextFactory : IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        SqliteDatabase.Use(options, "Data Source=design-time.db", compiledModel: false);
        return new NewsDbContext(options.Options);
    }
}
