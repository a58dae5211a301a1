using Microsoft.AspNetCore.Mvc;

namespace NewsPortal.Tests.Security;

/// <summary>
/// A route that fails the way a bug would, added to the app only by <see cref="SecurePortal"/> (the "test-only fault
/// route in a test build" of SEC-44). The message carries what must never reach a visitor.
/// </summary>
public sealed class TestOnlyFaultController : Controller
{
    public const string Path = "/test-only/fault";
    public const string SecretDetail = "SqliteException: no such column PasswordHash in /srv/newsportal/data/newsportal.db";

    [HttpGet(Path)]
    public IActionResult Fail() => throw new InvalidOperationException(SecretDetail);
}
