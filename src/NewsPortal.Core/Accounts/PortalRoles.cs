namespace NewsPortal.Core.Accounts;

public static class PortalRoles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static readonly string[] All = [Editor, Admin];
}
