namespace NewsPortal.Core.Auditing;

/// <summary>One security- or content-relevant event: who did what to which subject, when and from where.</summary>
public sealed class AuditEvent
{
    public const int UserNameMaxLength = 256;
    public const int SubjectMaxLength = 300;
    public const int DetailMaxLength = 1000;
    public const int IpAddressMaxLength = 64;

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public AuditEventKind Kind { get; set; }
    public string? UserName { get; set; }
    public string? Subject { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}
