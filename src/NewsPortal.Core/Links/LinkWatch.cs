using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Links;

public sealed record LinkingItem(int Id, string Title);

public sealed record WatchedLink(string Url, LinkCheck? Check, IReadOnlyList<LinkingItem> Items);

public sealed record LinkReport(bool Enabled, IReadOnlyList<string> AllowedHosts, IReadOnlyList<WatchedLink> Links)
{
    public IEnumerable<WatchedLink> InState(LinkState state) => Links.Where(l => l.Check?.State == state);

    public int NotCheckedYet => Links.Count(l => l.Check is null);
}

/// <summary>
/// The link-rot watch: finds the addresses on allowed hosts that items link to (their related links, such as "Read the
/// full speech", and links in their bodies), asks each again once its last result is older than
/// <see cref="LinkWatchOptions.RecheckAfter"/>, one at a time with a pause in between, and keeps the latest result.
/// </summary>
public sealed class LinkWatch(NewsDbContext db, LinkChecker checker, IOptions<LinkWatchOptions> options, TimeProvider clock, ILogger<LinkWatch> log)
{
    private const int Batch = 500;
    private static readonly HtmlParser Parser = new();

    /// <summary>Checks the addresses that are due; returns how many were asked.</summary>
    public async Task<int> CheckDueAsync(CancellationToken ct = default)
    {
        var limits = options.Value;
        var addresses = await LinkedAddressesAsync(ct);
        var checks = await db.LinkChecks.ToDictionaryAsync(c => c.Url, ct);
        // Results for addresses no item links to any more are of no use to anyone.
        db.LinkChecks.RemoveRange(checks.Values.Where(c => !addresses.ContainsKey(c.Url)));
        await db.SaveChangesAsync(ct);

        var staleBefore = clock.GetUtcNow().UtcDateTime - limits.RecheckAfter;
        var due = addresses.Keys
            .Select(url => (Url: url, Check: checks.GetValueOrDefault(url)))
            .Where(link => link.Check is null || link.Check.CheckedAtUtc < staleBefore)
            .OrderBy(link => link.Check?.CheckedAtUtc ?? DateTime.MinValue)
            .ToList();
        var asked = 0;
        foreach (var (url, check) in due)
        {
            if (asked > 0) await Task.Delay(limits.PauseBetweenRequests, clock, ct);
            var result = await checker.CheckAsync(new Uri(url), ct);
            Record(check ?? db.LinkChecks.Add(new LinkCheck { Url = url }).Entity, result);
            // One row per answer: stopping half-way keeps what was learnt.
            await db.SaveChangesAsync(ct);
            asked++;
            if (result.State == LinkState.Broken) log.LogInformation("Link {Url} is broken: {Detail}", url, result.Detail);
        }
        return asked;
    }

    public async Task<LinkReport> ReportAsync(CancellationToken ct = default)
    {
        var addresses = await LinkedAddressesAsync(ct);
        var checks = await db.LinkChecks.AsNoTracking().ToDictionaryAsync(c => c.Url, ct);
        var links = addresses
            .Select(a => new WatchedLink(a.Key, checks.GetValueOrDefault(a.Key), a.Value))
            .OrderBy(l => l.Check?.BrokenSinceUtc ?? DateTime.MaxValue).ThenBy(l => l.Url, StringComparer.Ordinal)
            .ToList();
        return new(options.Value.Enabled, options.Value.AllowedHosts, links);
    }

    private void Record(LinkCheck check, LinkCheckResult result)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        check.BrokenSinceUtc = result.State == LinkState.Broken ? check.BrokenSinceUtc ?? now : null;
        check.State = result.State;
        check.Detail = result.Detail.Length > LinkCheck.DetailMaxLength ? result.Detail[..LinkCheck.DetailMaxLength] : result.Detail;
        check.CheckedAtUtc = now;
    }

    /// <summary>Every address on an allowed host that an item not deleted links to, with those items.</summary>
    private async Task<Dictionary<string, List<LinkingItem>>> LinkedAddressesAsync(CancellationToken ct)
    {
        var limits = options.Value;
        var found = new Dictionary<string, List<LinkingItem>>(StringComparer.Ordinal);
        var after = 0;
        while (true)
        {
            var page = await db.NewsItems.AsNoTracking()
                .Where(i => i.DeletedAtUtc == null && i.Id > after)
                .OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.Title, i.Links, i.BodyHtml })
                .Take(Batch)
                .ToListAsync(ct);
            foreach (var item in page)
            {
                var urls = (item.Links ?? []).Select(l => l.Url)
                    .Concat(Parser.ParseDocument(item.BodyHtml).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")));
                foreach (var url in urls.Distinct())
                {
                    if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || !limits.Allows(address) || address.AbsoluteUri.Length > LinkCheck.UrlMaxLength) continue;
                    if (!found.TryGetValue(address.AbsoluteUri, out var items)) found[address.AbsoluteUri] = items = [];
                    items.Add(new LinkingItem(item.Id, item.Title));
                }
            }
            if (page.Count < Batch) return found;
            after = page[^1].Id;
        }
    }
}
