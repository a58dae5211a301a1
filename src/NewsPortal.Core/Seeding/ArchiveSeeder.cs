using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Import;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Seeding;

/// <summary>
/// Loads the archived pages shipped in the seed folder. Idempotent: a page already present with the same
/// source hash is skipped, so every start can run it; all pages are saved in one transaction or none.
/// </summary>
public sealed class ArchiveSeeder(NewsDbContext db, NewsWriter writer, IOptions<ArchiveOptions> archive, ILogger<ArchiveSeeder> log)
{
    private const string SeedUser = "seed";

    public async Task<int> SeedAsync(string folder, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder))
        {
            log.LogWarning("Seed folder {Folder} does not exist; nothing seeded", folder);
            return 0;
        }

        var added = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(path, ct);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (await db.NewsItems.AnyAsync(i => i.SourceSha256 == sha256, ct)) continue;

            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
            var page = ArchivedPageTextParser.Parse(text);
            var sourceAddress = archive.Value.SourceAddressFor(page.PublishedOn, page.Language);
            if (await db.NewsItems.AnyAsync(i => i.SourceAddress == sourceAddress, ct)) continue;

            var item = ArchivedPageMapper.ToNewsItem(page, sourceAddress);
            item.ArchivedOn ??= archive.Value.ArchivedOn;
            item.SourceFileName = Path.GetFileName(path);
            item.SourceSha256 = sha256;
            await writer.AddAsync(item, SeedUser, ct);
            added++;
        }
        await db.SaveChangesAsync(ct);
        if (added > 0) log.LogInformation("Seeded {Count} archived pages from {Folder}", added, folder);
        return added;
    }
}
