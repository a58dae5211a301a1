namespace NewsPortal.Areas.Admin.Models;

public sealed record UserRow(string Id, string Email, bool IsAdmin, bool IsDisabled, bool IsLockedOut, bool TwoFactorEnabled);

public sealed record UsersViewModel(IReadOnlyList<UserRow> Users, string? Notice, string? NoticeEmail = null, string? OneTimePassword = null);
