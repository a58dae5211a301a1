using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsPortal.Areas.Admin.Models;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Export;
using NewsPortal.Core.Import;
using NewsPortal.Core.News;
using NewsPortal.Hosting;

namespace NewsPortal.Areas.Admin.Controllers;

/// <summary>Upload, dry run, then apply; and downloads of the whole site or a selection.</summary>
public sealed class ImportController(NewsImporter importer, ImportUploadStore uploads, NewsExporter exporter, IHostApplicationLifetime lifetime, AuditLog audit) : AdminController
{
    [HttpGet("/admin/import")]
    public IActionResult Index() => View(new ImportViewModel());

    [HttpPost("/admin/import"), EnableRateLimiting(IdentityRegistration.UploadRateLimit), ImportUploadLimit]
    public async Task<IActionResult> DryRun(IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 }) return View("Index", new ImportViewModel(Error: "Choose a file to import."));
        await using var stream = file.OpenReadStream();
        var (id, error) = await uploads.SaveAsync(stream, file.FileName, ct);
        if (id is null)
        {
            await audit.WriteAsync(AuditEventKind.ImportRefused, UserName, file.FileName, error, ClientAddress, ct);
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return View("Index", new ImportViewModel(Error: error));
        }
        var source = uploads.Open(id.Value)!;
        var report = await importer.RunAsync([source], dryRun: true, UserName, ct: ct);
        if (report.Errors > 0)
        {
            uploads.Delete(id.Value);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await audit.WriteAsync(AuditEventKind.ImportRefused, UserName, source.Name, $"{report.Errors} errors", ClientAddress, ct);
        }
        return View("Index", new ImportViewModel(report, source.Name, report.Errors == 0 ? id : null));
    }

    /// <param name="replaceSiteEdits">Also update items editors changed on the site since their last import.</param>
    [HttpPost("/admin/import/apply")]
    public async Task<IActionResult> Apply(Guid uploadId, bool replaceSiteEdits, CancellationToken ct)
    {
        var source = uploads.Claim(uploadId);
        if (source is null) return AlreadyHandled(uploadId);
        // A shutdown does not wait for a long import: it is rolled back whole.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        ImportReport? report = null;
        try
        {
            report = await importer.RunAsync([source], dryRun: false, UserName,
                existing: replaceSiteEdits ? ExistingItems.Update : ExistingItems.UpdateUnlessEditedOnSite, ct: stopping.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
            return View("Index", new ImportViewModel(Error: "The portal is restarting: nothing was imported. Upload the file again once it is back."));
        }
        finally
        {
            if (report is null) uploads.Delete(uploadId);
            else uploads.Finish(uploadId, report.Applied
                ? $"It was applied as batch {report.BatchId}: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged."
                : $"It was refused with {report.Errors} errors; nothing was imported.");
        }
        if (!report.Applied) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", new ImportViewModel(report, source.Name));
    }

    /// <summary>What a second "Apply" (a double click, a resent form) learns: the first one's outcome, not a second import.</summary>
    private ViewResult AlreadyHandled(Guid uploadId)
    {
        var state = uploads.StateOf(uploadId, out var outcome);
        Response.StatusCode = state == UploadState.Missing ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
        return View("Index", state switch
        {
            UploadState.BeingApplied => new ImportViewModel(ApplyingUploadId: uploadId,
                Error: "This import is being applied now; an earlier click started it. Check again in a moment to see how it ended."),
            UploadState.Finished => new ImportViewModel(Error: $"This upload was already handled by an earlier click. {outcome}"),
            _ => new ImportViewModel(Error: "That upload is no longer here. Upload the file again."),
        });
    }

    [HttpGet("/admin/export")]
    public async Task<IActionResult> Export(string format = "json", NewsSection? section = null, int? year = null, CancellationToken ct = default)
    {
        if (!ModelState.IsValid || format is not ("json" or "markdown") || year is < 1000 or > 9999) return BadRequest();
        var selection = new ExportSelection(section, year);
        // Recorded before the first byte leaves: the content is out once streaming starts, even if the download breaks off.
        await audit.WriteAsync(AuditEventKind.Export, UserName, $"{format} export", selection.Description, ClientAddress, ct);
        var markdown = format == "markdown";
        // Streamed straight from the database to the response.
        return new FileCallbackResult(markdown ? "application/zip" : "application/json; charset=utf-8",
            markdown ? "newsportal-export.zip" : "newsportal-export.json",
            (output, token) => markdown ? exporter.WriteMarkdownZipAsync(output, selection, token) : exporter.WriteJsonAsync(output, selection, token));
    }
}
