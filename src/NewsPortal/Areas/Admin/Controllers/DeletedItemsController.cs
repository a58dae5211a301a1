using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Editing;

namespace NewsPortal.Areas.Admin.Controllers;

/// <summary>Deleted items, and bringing one back: a delete made by mistake is undone here.</summary>
public sealed class DeletedItemsController(NewsEditor editor, EditorQueries queries) : AdminController
{
    private const int Shown = 100;

    [HttpGet("/admin/items/deleted")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.DeletedAsync(Shown, ct));

    [HttpPost("/admin/items/{id:int}/undelete")]
    public async Task<IActionResult> Undelete([FromRoute] int id, Guid version, CancellationToken ct)
    {
        if (version == Guid.Empty) return BadRequest();
        var outcome = await editor.UndeleteAsync(id, version, UserName, ct);
        return outcome.Status switch
        {
            // Also when a second click finds it already back: the editor lands on the item either way.
            EditStatus.Saved => Redirect($"/admin/items/{id}/edit?saved=1"),
            EditStatus.Conflict when outcome.Current!.DeletedAtUtc is null => Redirect($"/admin/items/{id}/edit"),
            EditStatus.Conflict => Redirect("/admin/items/deleted"),
            _ => NotFound(),
        };
    }
}
