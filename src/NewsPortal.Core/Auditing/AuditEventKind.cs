namespace NewsPortal.Core.Auditing;

public enum AuditEventKind
{
    SignIn,
    SignInFailed,
    LockedOut,
    SignOut,
    PasswordChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    UserCreated,
    UserDisabled,
    UserEnabled,
    PasswordReset,
    ItemCreated,
    ItemUpdated,
    ItemDeleted,
    ItemRestored,
    Import,
    ImportRefused,
    UploadRefused,
    BackupDownloaded,
}
