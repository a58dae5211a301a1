using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.News;

/// <summary>
/// Renders every item's stored HTML and plain text again from its Markdown, for when what the renderer makes has
/// changed (rows saved before keep the old rendering until then), and writes its original address in the canonical
/// form a save now stores (rows saved before may hold "%c3%a5" or "%41", which the legacy redirect and re-imports,
/// comparing canonical strings, would miss). Not an edit: the save time and version stay.
/// </summary>
public sealed class StoredBodyRefresh(NewsDbContext db, NewsWriter writer)
{
    /// <summary>
    /// Empty marker migrations (names without their timestamp): the start renders every body again before applying one,
    /// so it is applied only once that is done, and a re-render cut short is run again by the next start.
    /// </summary>
    public static readonly IReadOnlySet<string> Markers = new HashSet<string> { "StoredBodiesRendered", "SourceAddressesNormalized" };

    private const int BatchSize = 200;

    /// <returns>How many items were rendered again.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var count = 0;
        var lastId = 0;
        while (true)
        {
            // Deleted items too, so no row keeps a rendering of the old kind.
            var batch = await db.NewsItems.Where(i => i.Id > lastId).OrderBy(i => i.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return count;
            foreach (var item in batch)
            {
                writer.Render(item);
                item.SourceAddress = OriginalAddress.Normalize(item.SourceAddress);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            count += batch.Count;
            lastId = batch[^1].Id;
        }
    }
}
