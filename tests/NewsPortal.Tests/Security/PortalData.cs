using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Accounts;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;

namespace NewsPortal.Tests.Security;

/// <summary>Grey-box reads of the portal's database, to arrange items and to prove that an attack changed nothing.</summary>
public static class PortalData
{
    public static Task<NewsItem> NewItemAsync(this SecurePortal portal) =>
        new NewsItemBuilder().Titled($"Security target {Guid.NewGuid():N}").SaveAsync(portal.Factory.Services);

    /// <summary>The item as stored now (deleted ones included), read fresh.</summary>
    public static Task<NewsItem> StoredItemAsync(this SecurePortal portal, int id) =>
        portal.Factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.AsNoTracking().IgnoreQueryFilters().SingleAsync(i => i.Id == id));

    public static Task<List<AuditEvent>> AuditEventsAsync(this SecurePortal portal, string userName) =>
        portal.Factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.UserName == userName).OrderBy(e => e.Id).ToListAsync());

    public static Task<List<AuditEvent>> AuditEventsSinceAsync(this SecurePortal portal, long afterId) =>
        portal.Factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Id > afterId).OrderBy(e => e.Id).ToListAsync());

    public static Task<long> LastAuditIdAsync(this SecurePortal portal) =>
        portal.Factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().AuditEvents.Select(e => (long?)e.Id).MaxAsync().ContinueWith(t => t.Result ?? 0));

    public static Task<PortalUser?> UserAsync(this SecurePortal portal, string email) =>
        portal.Factory.WithScopeAsync(s => s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email));
}
