using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Accounts;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Editing;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Data;

/// <summary>One context for content and Identity, so each provider has one migration stream.</summary>
public sealed class NewsDbContext(DbContextOptions<NewsDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<NewsItem> NewsItems => Set<NewsItem>();
    public DbSet<NewsItemRevision> Revisions => Set<NewsItemRevision>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Import.ImportBatch> ImportBatches => Set<Import.ImportBatch>();
    public DbSet<FormerSlug> FormerSlugs => Set<FormerSlug>();
    public DbSet<Links.LinkCheck> LinkChecks => Set<Links.LinkCheck>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        foreach (var (slug, itemId) in RenamedSlugs()) RememberFormerSlug(slug, itemId, FormerSlugs.Find(slug));
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var (slug, itemId) in RenamedSlugs()) RememberFormerSlug(slug, itemId, await FormerSlugs.FindAsync([slug], cancellationToken));
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Items whose slug this save changes, whichever path changed it: the editor, a restore, an import.</summary>
    private List<(string Slug, int ItemId)> RenamedSlugs() => ChangeTracker.Entries<NewsItem>()
        .Where(entry => entry.State == EntityState.Modified && entry.Property(i => i.Slug).OriginalValue != entry.Entity.Slug)
        .Select(entry => (entry.Property(i => i.Slug).OriginalValue, entry.Entity.Id))
        .ToList();

    private void RememberFormerSlug(string slug, int itemId, FormerSlug? existing)
    {
        if (existing is null) FormerSlugs.Add(new FormerSlug { Slug = slug, NewsItemId = itemId });
        else existing.NewsItemId = itemId;
    }

    /// <summary>
    /// Every DateTime in the model is UTC (the properties say so in their names). Reading marks it as UTC; writing
    /// takes an unmarked value as UTC and converts a local one, which PostgreSQL's timestamptz would otherwise refuse.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    // Public because the compiled models in migrations/ construct it.
    public sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.Kind == DateTimeKind.Unspecified
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private void StoredAsJson<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<T> property)
    {
        // Nullable as the columns always were (null for an item without a photo); jsonb as before on PostgreSQL.
        property.HasConversion(new JsonValueConverter<T>(), new JsonValueComparer<T>()).IsRequired(false);
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL") property.HasColumnType("jsonb");
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        var revision = modelBuilder.Entity<NewsItemRevision>();
        revision.HasIndex(r => new { r.NewsItemId, r.Number }).IsUnique();
        revision.HasOne<NewsItem>().WithMany().HasForeignKey(r => r.NewsItemId).OnDelete(DeleteBehavior.Cascade);
        revision.Property(r => r.Reason).HasMaxLength(200);
        revision.Property(r => r.CreatedBy).HasMaxLength(256);

        var formerSlug = modelBuilder.Entity<FormerSlug>();
        formerSlug.HasKey(f => f.Slug);
        formerSlug.Property(f => f.Slug).HasMaxLength(NewsItem.SlugMaxLength);
        formerSlug.HasOne<NewsItem>().WithMany().HasForeignKey(f => f.NewsItemId).OnDelete(DeleteBehavior.Cascade);

        var linkCheck = modelBuilder.Entity<Links.LinkCheck>();
        linkCheck.HasKey(c => c.Url);
        linkCheck.Property(c => c.Url).HasMaxLength(Links.LinkCheck.UrlMaxLength);
        linkCheck.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        linkCheck.Property(c => c.Detail).HasMaxLength(Links.LinkCheck.DetailMaxLength);

        var batch = modelBuilder.Entity<Import.ImportBatch>();
        batch.Property(b => b.Source).HasMaxLength(1000);
        batch.Property(b => b.UserName).HasMaxLength(256);
        // No foreign key from items to batches: on SQLite adding one rebuilds the items table outside a transaction.
        modelBuilder.Entity<NewsItem>().HasIndex(i => i.ImportBatchId);

        var audit = modelBuilder.Entity<AuditEvent>();
        audit.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        audit.Property(e => e.UserName).HasMaxLength(AuditEvent.UserNameMaxLength);
        audit.Property(e => e.Subject).HasMaxLength(AuditEvent.SubjectMaxLength);
        audit.Property(e => e.Detail).HasMaxLength(AuditEvent.DetailMaxLength);
        audit.Property(e => e.IpAddress).HasMaxLength(AuditEvent.IpAddressMaxLength);
        audit.HasIndex(e => e.AtUtc);

        var item = modelBuilder.Entity<NewsItem>();
        item.Property(i => i.Slug).HasMaxLength(NewsItem.SlugMaxLength);
        item.HasIndex(i => i.Slug).IsUnique();
        item.Property(i => i.Title).HasMaxLength(NewsItem.TitleMaxLength);
        item.Property(i => i.Summary).HasMaxLength(NewsItem.SummaryMaxLength);
        item.Property(i => i.Language).HasMaxLength(35);
        item.Property(i => i.Section).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.SourceAddress).HasMaxLength(2048);
        item.Property(i => i.SourceFileName).HasMaxLength(260);
        item.Property(i => i.SourceSha256).HasMaxLength(64);
        // The seeder looks its files up by hash at every start; without this that read every row.
        item.HasIndex(i => i.SourceSha256);
        item.Property(i => i.Version).IsConcurrencyToken();
        item.HasIndex(i => i.CreationKey).IsUnique();
        // The public list filters by status and sorts by date; the legacy-address redirect looks up the source.
        // Covers the public filter and the date order, so lists, counts and archives read the index, not the rows.
        // Id right after the date: "newest first" (date, then id) walks this index backwards and stops at the page's
        // last row instead of sorting every public item.
        item.HasIndex(i => new { i.PublishedOn, i.Id, i.Status, i.DeletedAtUtc, i.PublishAtUtc });
        item.HasIndex(i => i.SourceAddress);
        // Every page's "Last update" is the newest public change: read from this index's end, not from every row.
        item.HasIndex(i => i.UpdatedAtUtc);
        // Photo and links are always read with their item and never queried on their own: one row, no joins (see JsonValue).
        StoredAsJson(item.Property(i => i.Photo));
        StoredAsJson(item.Property(i => i.Links));
    }
}
