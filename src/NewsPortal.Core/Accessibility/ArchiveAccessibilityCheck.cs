using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Accessibility;

public sealed record ItemProblems(int Id, string Slug, string Title, NewsStatus Status, DateOnly PublishedOn, IReadOnlyList<AccessibilityProblem> Problems);

public sealed record ArchiveAccessibilityReport(int ItemsChecked, IReadOnlyList<ItemProblems> Items)
{
    public int ProblemCount => Items.Sum(i => i.Problems.Count);

    public int CountOf(string rule) => Items.Sum(i => i.Problems.Count(p => p.Rule == rule));

    public string Summary => $"{Count(ItemsChecked, "item")} checked: " +
        (ProblemCount == 0 ? "no problems found." : $"{Count(ProblemCount, "problem")} in {Count(Items.Count, "item")}.");

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n:N0} {noun}s");
}

/// <summary>
/// Runs <see cref="ContentAccessibility"/> over every item that is not deleted (drafts and scheduled items too: they
/// are about to be read), from the HTML stored at save time, a page of items at a time.
/// </summary>
public sealed class ArchiveAccessibilityCheck(NewsDbContext db)
{
    private const int Batch = 500;

    public async Task<ArchiveAccessibilityReport> RunAsync(CancellationToken ct = default)
    {
        var found = new List<ItemProblems>();
        var checkedCount = 0;
        var after = 0;
        while (true)
        {
            // Keyset paging on the id: each page is one indexed query, and memory holds one page of bodies.
            var page = await db.NewsItems.AsNoTracking()
                .Where(i => i.DeletedAtUtc == null && i.Id > after)
                .OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.Slug, i.Title, i.Status, i.PublishedOn, i.Photo, i.BodyHtml })
                .Take(Batch)
                .ToListAsync(ct);
            foreach (var item in page)
            {
                var problems = ContentAccessibility.Check(item.Photo, item.BodyHtml);
                if (problems.Count > 0) found.Add(new(item.Id, item.Slug, item.Title, item.Status, item.PublishedOn, problems));
            }
            checkedCount += page.Count;
            if (page.Count < Batch) break;
            after = page[^1].Id;
        }
        return new(checkedCount, found.OrderByDescending(i => i.PublishedOn).ThenBy(i => i.Id).ToList());
    }
}
