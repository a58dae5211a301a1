using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Seeding;
using NewsPortal.Core.Storage;
using NewsPortal.Hosting;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Hosting;

public sealed class DatabaseSetupTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task The_database_is_migrated_to_the_latest_migration()
    {
        await factory.WithScopeAsync(async services =>
            Assert.Empty(await services.GetRequiredService<NewsDbContext>().Database.GetPendingMigrationsAsync()));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Each_providers_migrations_match_the_model(string provider)
    {
        // Compares the model as OnModelCreating declares it with the migrations' snapshot; no database is contacted.
        using var db = Context(provider, compiledModel: false);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"Run: dotnet ef migrations add <Name> --project migrations/{provider} --startup-project migrations/{provider} --output-dir Migrations");
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Each_providers_compiled_model_matches_the_model(string provider)
    {
        // The portal runs on the generated model; one left behind by a model change would map tables that no longer are.
        using var declared = Context(provider, compiledModel: false);
        using var compiled = Context(provider, compiledModel: true);

        Assert.IsAssignableFrom<RuntimeModel>(compiled.Model);
        var (expected, actual) = (Mapping(declared.GetService<IDesignTimeModel>().Model).Split('\n'), Mapping(compiled.Model).Split('\n'));
        Assert.True(expected.SequenceEqual(actual),
            $"Declared: {expected.Except(actual).FirstOrDefault()}; compiled: {actual.Except(expected).FirstOrDefault()}. Run: rm -r migrations/{provider}/CompiledModel && dotnet ef dbcontext optimize --project migrations/{provider} --startup-project migrations/{provider} " +
            $"--output-dir CompiledModel --namespace NewsPortal.Migrations.{provider}.CompiledModel");
    }

    /// <summary>What the portal relies on: every table, column, key and index, and how each property is stored.</summary>
    private static string Mapping(IModel model)
    {
        var text = new System.Text.StringBuilder();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name))
        {
            text.AppendLine($"table {table.Name} key {table.PrimaryKey?.Name}({string.Join(",", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})");
            foreach (var column in table.Columns.OrderBy(c => c.Name))
                text.AppendLine($"  column {column.Name} {column.StoreType} null={column.IsNullable}");
            foreach (var index in table.Indexes.OrderBy(i => i.Name))
                text.AppendLine($"  index {index.Name}({string.Join(",", index.Columns.Select(c => c.Name))}) unique={index.IsUnique}");
            foreach (var key in table.ForeignKeyConstraints.OrderBy(k => k.Name))
                text.AppendLine($"  foreign key {key.Name} -> {key.PrincipalTable.Name} {key.OnDeleteAction}");
        }
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name))
            foreach (var property in entity.GetProperties().OrderBy(p => p.Name))
                text.AppendLine($"{entity.Name}.{property.Name} {property.ClrType} max={property.GetMaxLength()} " +
                    $"stored as={property.GetTypeMapping().Converter?.ProviderClrType.Name} token={property.IsConcurrencyToken} " +
                    $"generated={property.ValueGenerated} json={entity.GetContainerColumnName()}");
        return text.ToString();
    }

    private static NewsDbContext Context(string provider, bool compiledModel)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        if (provider == "Sqlite") NewsPortal.Migrations.Sqlite.SqliteDatabase.Use(options, "Data Source=unused.db", compiledModel: compiledModel);
        else NewsPortal.Migrations.Postgres.PostgresDatabase.Use(options, "Host=127.0.0.1;Database=unused", compiledModel: compiledModel);
        return new NewsDbContext(options.Options);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await factory.WithScopeAsync(async services =>
        {
            var added = await services.GetRequiredService<ArchiveSeeder>().SeedAsync(Path.Combine(RepositoryFiles.Root, "seed"));
            var count = await services.GetRequiredService<NewsDbContext>().NewsItems
                .CountAsync(i => i.SourceFileName == "archived-page-2012-05-03-cybercrime.txt");

            Assert.Equal(0, added);
            Assert.Equal(1, count);
        });
    }

    [Fact]
    public async Task Seeding_at_the_next_start_keeps_an_editors_correction()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems
            .Where(i => i.SourceFileName == "archived-page-2012-05-03-cybercrime.txt").Select(i => i.Id).SingleAsync());
        var (_, form) = await editor.GetAsync($"/admin/items/{id}/edit");
        var values = EditorSession.FormValues(form.QuerySelector($"form[action='/admin/items/{id}/edit']")!);
        values["Summary"] = "Corrected by an editor.";
        await editor.PostAsync($"/admin/items/{id}/edit", values);

        await factory.WithScopeAsync(s => s.GetRequiredService<ArchiveSeeder>().SeedAsync(Path.Combine(RepositoryFiles.Root, "seed")));

        var summary = await factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.Where(i => i.Id == id).Select(i => i.Summary).SingleAsync());
        Assert.Equal("Corrected by an editor.", summary);
    }

    [Fact]
    public async Task The_seeded_item_keeps_its_provenance()
    {
        var item = await factory.WithScopeAsync(services =>
            services.GetRequiredService<NewsDbContext>().NewsItems.SingleAsync(i => i.SourceFileName == "archived-page-2012-05-03-cybercrime.txt"));

        Assert.Equal("/commission_2010-2014/malmstrom/news/archives/2012/05/20120503_en.htm", item.SourceAddress);
        Assert.Equal(new DateOnly(2014, 11, 18), item.ArchivedOn);
        Assert.Matches("^[0-9a-f]{64}$", item.SourceSha256);
    }

    [Fact]
    public void A_relative_database_path_is_taken_from_the_data_folder()
    {
        var folder = new DataFolder(Path.Combine(Path.GetTempPath(), "newsportal-root"));

        var connectionString = NewsStorageRegistration.SqliteConnectionString("Data Source=app.db", folder);

        Assert.Contains($"Data Source={Path.Combine(folder.Path, "app.db")}", connectionString);
    }

    [Fact]
    public void A_missing_connection_string_is_named_in_the_error()
    {
        var error = Assert.Throws<StorageException>(() => NewsStorageRegistration.SqliteConnectionString(null, new DataFolder("/")));

        Assert.Contains("ConnectionStrings__NewsPortal", error.Message);
    }
}
