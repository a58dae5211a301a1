using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Storage;
using NewsPortal.Hosting;

namespace NewsPortal.Areas.Admin.Controllers;

/// <summary>Administrators download the same backup the `backup` command writes: database and photos in one zip.</summary>
[Authorize(Policy = IdentityRegistration.AdminPolicy)]
public sealed class BackupController(IServiceProvider services, IOptions<StorageOptions> storage, AuditLog audit, TimeProvider clock) : AdminController
{
    private bool OnPostgres => storage.Value.DatabaseProvider == DatabaseProvider.Postgres;

    [HttpGet("/admin/backup")]
    public IActionResult Index() => View(OnPostgres);

    // A POST: the backup holds every account's password hash and the sign-in keys, so only a deliberate click
    // from this page (antiforgery) may produce one.
    [HttpPost("/admin/backup")]
    public async Task<IActionResult> Download(CancellationToken ct)
    {
        if (OnPostgres) return NotFound();
        var backup = services.GetRequiredService<SqliteBackup>();
        var temporary = Path.Combine(Path.GetTempPath(), $"newsportal-backup-{Guid.NewGuid():N}.zip");
        var manifest = await backup.CreateAsync(temporary, ct);
        await audit.WriteAsync(AuditEventKind.BackupDownloaded, UserName, $"{manifest.Items} items, {manifest.Photos} photos", null, ClientAddress, ct);
        var stream = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var name = $"newsportal-backup-{clock.GetUtcNow():yyyyMMdd-HHmmss}.zip";
        return File(stream, "application/zip", name);
    }
}
