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
    /// <summary>Adds the event to the current unit of work; it is written with the change it describes.</summary>
    public void Add(AuditEventKind kind, string? userName, string? subject, string? detail = null, string? ipAddress = null)
    {
        var failure = kind is AuditEventKind.SignInFailed or AuditEventKind.LockedOut or AuditEventKind.ImportRefused or AuditEventKind.UploadRefused;
        logger.SecurityEvent(failure ? LogLevel.Warning : LogLevel.Information, kind.ToString(), userName, subject, ipAddress, detail);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            // Cut to the columns' lengths: a name, file name or address typed by anyone must not fail the write.
            UserName = Cut(userName, AuditEvent.UserNameMaxLength),
            Subject = Cut(subject, AuditEvent.SubjectMaxLength),
            Detail = Cut(detail, AuditEvent.DetailMaxLength),
            IpAddress = Cut(ipAddress, AuditEvent.IpAddressMaxLength),
        });
    }

    public async Task WriteAsync(AuditEventKind kind, string? userName, string? subject, string? detail = null, string? ipAddress = null, CancellationToken ct = default)
    {
        Add(kind, userName, subject, detail, ipAddress);
        await db.SaveChangesAsync(ct);
    }

    private static string? Cut(string? value, int length) => value is { Length: var n } && n > length ? value[..length] : value;

    public async Task<IReadOnlyList<AuditEvent>> LatestAsync(int count, CancellationToken ct = default) =>
        await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(ct);
}
