using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Auditing;

/// <summary>
/// Appends audit events. Content events join the caller's unit of work; sign-in events save at once. Each event is also
/// written to the log as a structured event (values are properties, never spliced into the text, so a crafted user name
/// cannot forge a log line), where the request id and time come from the log context.
/// </summary>
public sealed class AuditLog(NewsDbContext db, TimeProvider clock, ILogger<AuditLog> logger)
{
    private const int MaxDetailLength = 1000;

    /// <summary>Adds the event to the current unit of work; it is written with the change it describes.</summary>
    public void Add(AuditEventKind kind, string? userName, string? subject, string? detail = null, string? ipAddress = null)
    {
        var failure = kind is AuditEventKind.SignInFailed or AuditEventKind.LockedOut;
        logger.SecurityEvent(failure ? LogLevel.Warning : LogLevel.Information, kind.ToString(), userName, subject, ipAddress, detail);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            UserName = userName,
            Subject = subject,
            Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
            IpAddress = ipAddress,
        });
    }

    public async Task WriteAsync(AuditEventKind kind, string? userName, string? subject, string? detail = null, string? ipAddress = null, CancellationToken ct = default)
    {
        Add(kind, userName, subject, detail, ipAddress);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEvent>> LatestAsync(int count, CancellationToken ct = default) =>
        await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(ct);
}
