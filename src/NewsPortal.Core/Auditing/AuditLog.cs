using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Auditing;

/// <summary>Appends audit events. Content events join the caller's unit of work; sign-in events save at once.</summary>
public sealed class AuditLog(NewsDbContext db, TimeProvider clock)
{
    private const int MaxDetailLength = 1000;

    /// <summary>Adds the event to the current unit of work; it is written with the change it describes.</summary>
    public void Add(AuditEventKind kind, string? userName, string? subject, string? detail = null, string? ipAddress = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            UserName = userName,
            Subject = subject,
            Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
            IpAddress = ipAddress,
        });

    public async Task WriteAsync(AuditEventKind kind, string? userName, string? subject, string? detail = null, string? ipAddress = null, CancellationToken ct = default)
    {
        Add(kind, userName, subject, detail, ipAddress);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEvent>> LatestAsync(int count, CancellationToken ct = default) =>
        await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(ct);
}
