using Microsoft.Extensions.Logging;

namespace NewsPortal.Core.Auditing;

/// <summary>
/// The one shape of a security event in the log (SEC-45): kind, account, subject, client address and detail as
/// properties of the event, never pasted into its text, so input cannot forge a log line (SEC-46). The request id and
/// the UTC time come from the log context.
/// </summary>
public static partial class SecurityEventLog
{
    [LoggerMessage(Message = "Security event {EventKind} by {UserName} on {Subject} from {ClientAddress}: {Detail}")]
    public static partial void SecurityEvent(this ILogger logger, LogLevel level, string eventKind, string? userName, string? subject,
        string? clientAddress, string? detail = null);
}
