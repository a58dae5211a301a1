using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Data;

public sealed class NewsDbContext(DbContextOptions<NewsDbContext> options) : DbContext(options)
{
    public DbSet<NewsItem> NewsItems => Set<NewsItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
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
        item.Property(i => i.Version).IsConcurrencyToken();
        // The public list filters by status and sorts by date; the legacy-address redirect looks up the source.
        item.HasIndex(i => new { i.Status, i.PublishedOn });
        item.HasIndex(i => i.SourceAddress);
        // Photo and links are always read with their item and never queried on their own: one row, no joins.
        item.OwnsOne(i => i.Photo, photo => photo.ToJson());
        item.OwnsMany(i => i.Links, links =>
        {
            links.ToJson();
            links.Property(l => l.Kind).HasConversion<string>();
        });
    }
}
