using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsPortal.Areas.Admin.Models;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Editing;
using NewsPortal.Core.Media;
using NewsPortal.Core.News;
using NewsPortal.Core.Rendering;
using NewsPortal.Hosting;
using NewsPortal.Models;

namespace NewsPortal.Areas.Admin.Controllers;

public sealed class ItemsController(NewsEditor editor, EditorQueries queries, MediaStore media, MarkdownRenderer markdown, IOptions<ArchiveOptions> archive, AuditLog audit) : AdminController
{
    // A photo (at most Media:MaxBytes) plus the rest of the form.
    private const int MaxFormBytes = 60 * 1024 * 1024;
    private const int PageSize = 25;

    [HttpGet("/admin"), HttpGet("/admin/items")]
    public async Task<IActionResult> Index(string? search, NewsStatus? status, NewsSection? section, AdminItemSort sort = AdminItemSort.DateDesc, int page = 1, string? notice = null, CancellationToken ct = default)
    {
        if (!ModelState.IsValid) return BadRequest(ModelState);
        var query = new AdminItemQuery(search, status, section, sort, page, PageSize);
        var result = await queries.ListAsync(query, ct);
        return result is null ? NotFound() : View(new ItemListViewModel(query, result, notice));
    }

    [HttpGet("/admin/items/new")]
    public IActionResult Create() =>
        View("Edit", new ItemEditorViewModel(null, new ItemFormModel { PublishedOn = DateOnly.FromDateTime(DateTime.UtcNow), Status = NewsStatus.Draft, CreationKey = Guid.NewGuid() }.WithBlankLinkRows()));

    [HttpPost("/admin/items/new"), EnableRateLimiting(IdentityRegistration.UploadRateLimit), RequestSizeLimit(MaxFormBytes), RequestFormLimits(MultipartBodyLengthLimit = MaxFormBytes)]
    public async Task<IActionResult> Create(ItemFormModel form, string? intent, CancellationToken ct)
    {
        // The new-item form carries the key that makes sending it twice create one item (REL-02).
        if (form.CreationKey is not { } creationKey || creationKey == Guid.Empty) return BadRequest();
        var photo = await PhotoAfterUploadAsync(form, ct);
        if (intent == "preview" || !ModelState.IsValid)
            return View("Edit", new ItemEditorViewModel(null, Keep(form, photo), intent == "preview" ? markdown.ToHtml(form.Body ?? "") : null));

        var outcome = await editor.CreateAsync(form.ToContent(photo), UserName, creationKey, ct);
        if (outcome.Status == EditStatus.Invalid) return Invalid(null, form, photo, outcome);
        return Redirect($"/admin/items/{outcome.Current!.Id}/edit?saved=1");
    }

    [HttpGet("/admin/items/{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, int saved = 0, CancellationToken ct = default)
    {
        var item = await queries.FindAsync(id, ct);
        if (item is null) return NotFound();
        var form = ItemFormModel.From(NewsItemContent.Of(item), item.Version).WithBlankLinkRows();
        return View(new ItemEditorViewModel(id, form, PublicSlug: item.Slug, JustSaved: saved == 1));
    }

    [HttpPost("/admin/items/{id:int}/edit"), EnableRateLimiting(IdentityRegistration.UploadRateLimit), RequestSizeLimit(MaxFormBytes), RequestFormLimits(MultipartBodyLengthLimit = MaxFormBytes)]
    public async Task<IActionResult> Edit([FromRoute] int id, ItemFormModel form, string? intent, CancellationToken ct)
    {
        // A form always carries the version it was based on; without one, this is not our form (BAD-38).
        if (form.Version == Guid.Empty) return BadRequest();
        var photo = await PhotoAfterUploadAsync(form, ct);
        if (intent == "preview" || !ModelState.IsValid)
            return View(new ItemEditorViewModel(id, Keep(form, photo), intent == "preview" ? markdown.ToHtml(form.Body ?? "") : null));

        var content = form.ToContent(photo);
        var outcome = await editor.UpdateAsync(id, content, form.Version, UserName, ct: ct);
        return outcome.Status switch
        {
            EditStatus.Saved => Redirect($"/admin/items/{id}/edit?saved=1"),
            EditStatus.Conflict => Conflict(id, outcome.Current!, form, content),
            EditStatus.Invalid => Invalid(id, form, photo, outcome),
            _ => ItemGone(form),
        };
    }

    /// <summary>The live preview: the body through the same pipeline as the public page.</summary>
    [HttpPost("/admin/items/preview")]
    public IActionResult Preview([FromForm] string? body) => Content(markdown.ToHtml(body ?? ""), "text/html; charset=utf-8");

    /// <summary>An editor's view of the public page, whatever the item's status.</summary>
    [HttpGet("/admin/items/{id:int}/preview")]
    public async Task<IActionResult> PreviewPage([FromRoute] int id, CancellationToken ct)
    {
        var item = await queries.FindAsync(id, ct);
        return item is null ? NotFound() : View("~/Views/News/Item.cshtml", NewsItemViewModel.From(item, archive.Value));
    }

    [HttpGet("/admin/items/{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, CancellationToken ct)
    {
        var item = await queries.FindAsync(id, ct);
        return item is null ? NotFound() : View(item);
    }

    [HttpPost("/admin/items/{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, Guid version, CancellationToken ct)
    {
        if (version == Guid.Empty) return BadRequest();
        var outcome = await editor.DeleteAsync(id, version, UserName, ct);
        return outcome.Status switch
        {
            EditStatus.Saved => Redirect("/admin/items?notice=deleted"),
            EditStatus.Conflict => View("DeleteConflict", outcome.Current),
            _ => ItemGone(),
        };
    }

    [HttpGet("/admin/items/{id:int}/history")]
    public async Task<IActionResult> History([FromRoute] int id, CancellationToken ct)
    {
        var item = await queries.FindAsync(id, ct);
        return item is null ? NotFound() : View(new HistoryViewModel(item, await editor.HistoryAsync(id, ct)));
    }

    [HttpGet("/admin/items/{id:int}/diff")]
    public async Task<IActionResult> Diff([FromRoute] int id, int from, int to, CancellationToken ct)
    {
        var item = await queries.FindAsync(id, ct);
        var (older, newer) = (await editor.RevisionAsync(id, Math.Min(from, to), ct), await editor.RevisionAsync(id, Math.Max(from, to), ct));
        if (item is null || older is null || newer is null) return NotFound();
        return View(new DiffViewModel(item, older, newer, RevisionDiff.Between(NewsEditor.ContentOf(older), NewsEditor.ContentOf(newer))));
    }

    [HttpPost("/admin/items/{id:int}/revisions/{number:int}/restore")]
    public async Task<IActionResult> Restore([FromRoute] int id, [FromRoute] int number, Guid version, CancellationToken ct)
    {
        if (version == Guid.Empty) return BadRequest();
        var outcome = await editor.RestoreAsync(id, number, version, UserName, ct);
        if (outcome.Status == EditStatus.Invalid && await queries.FindAsync(id, ct) is { } item)
        {
            // E.g. the revision's slug now belongs to another item: the editor needs the reason, not a silent no-op.
            Response.StatusCode = StatusCodes.Status409Conflict;
            var problem = $"Revision {number} was not restored. {string.Join(" ", outcome.Errors!.Values)}";
            return View(nameof(History), new HistoryViewModel(item, await editor.HistoryAsync(id, ct), problem));
        }
        return outcome.Status switch
        {
            EditStatus.Saved => Redirect($"/admin/items/{id}/edit?saved=1"),
            EditStatus.Conflict => Redirect($"/admin/items/{id}/history?stale=1"),
            _ => ItemGone(),
        };
    }

    /// <summary>Stores a newly uploaded photo; returns the file the item will point to (new, kept, or none).</summary>
    private async Task<string?> PhotoAfterUploadAsync(ItemFormModel form, CancellationToken ct)
    {
        if (markdown.Problem(form.Body ?? "") is { } problem) ModelState.AddModelError(nameof(form.Body), "The body " + problem + ".");
        ReportFormRulesToo(form);
        var kept = form.RemovePhoto || form.PhotoFileName is null || media.PathOf(form.PhotoFileName) is null ? null : form.PhotoFileName;
        if (form.PhotoUpload is not { Length: > 0 } upload) return kept;
        await using var stream = upload.OpenReadStream();
        var saved = await media.SaveAsync(stream, ct);
        if (saved.Error is not null)
        {
            ModelState.AddModelError(nameof(form.PhotoUpload), saved.Error);
            await audit.WriteAsync(AuditEventKind.UploadRefused, UserName, upload.FileName, saved.Error, ClientAddress, ct);
            return kept;
        }
        return saved.FileName;
    }

    /// <summary>
    /// MVC checks the rules that need the whole form (a schedule needs its time, link texts...) only once every field passed
    /// its own, so an editor would fix the title and only then learn about the link. Every problem is reported at once.
    /// </summary>
    private void ReportFormRulesToo(ItemFormModel form)
    {
        if (ModelState.IsValid) return;
        foreach (var rule in form.Validate(new ValidationContext(form)))
            foreach (var field in rule.MemberNames)
                if (ModelState[field] is not { Errors.Count: > 0 })
                    ModelState.AddModelError(field, rule.ErrorMessage ?? "");
    }

    private ItemFormModel Keep(ItemFormModel form, string? photo)
    {
        // Tag helpers prefer posted values over the model; these two are decided here, not by the post.
        ModelState.Remove(nameof(ItemFormModel.PhotoFileName));
        ModelState.Remove(nameof(ItemFormModel.RemovePhoto));
        form.PhotoFileName = photo;
        form.RemovePhoto = false;
        return form.WithBlankLinkRows();
    }

    private IActionResult Invalid(int? id, ItemFormModel form, string? photo, EditOutcome outcome)
    {
        foreach (var (field, message) in outcome.Errors!) ModelState.AddModelError(field, message);
        return View("Edit", new ItemEditorViewModel(id, Keep(form, photo)));
    }

    private IActionResult Conflict([FromRoute] int id, NewsItem theirs, ItemFormModel yours, NewsItemContent yourContent)
    {
        // Keep everything typed, now based on their version: saving again is a deliberate choice.
        ModelState.Remove(nameof(ItemFormModel.Version));
        yours.Version = theirs.Version;
        Keep(yours, yourContent.PhotoFileName);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Conflict", new ConflictViewModel(id, theirs, yours, RevisionDiff.Between(NewsItemContent.Of(theirs), yourContent)));
    }

    /// <param name="unsaved">What the editor typed, shown back so that nothing of it is lost with the item.</param>
    private IActionResult ItemGone(ItemFormModel? unsaved = null)
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        return View("Gone", unsaved);
    }
}
