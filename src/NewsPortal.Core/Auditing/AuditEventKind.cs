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
    // Stored by name (a string column), so a new kind goes anywhere and rows written before it still read.
    Export,
    ItemUndeleted,
}
