namespace NewsPortal.Core.Auditing;

/// <summary>One security- or content-relevant event: who did what to which subject, when and from where.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public AuditEventKind Kind { get; set; }
    public string? UserName { get; set; }
    public string? Subject { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}
