using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Media;

namespace NewsPortal.Controllers;

/// <summary>
/// Uploaded photos, served by name only (generated names; no listing, no paths) with headers that stop a
/// browser from ever treating them as anything but an image.
/// </summary>
public sealed class MediaController(MediaStore media) : Controller
{
    [HttpGet("/media/{name}")]
    public IActionResult Photo(string name)
    {
        var path = media.PathOf(name);
        if (path is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return PhysicalFile(path, MediaStore.ContentTypeOf(name), enableRangeProcessing: false);
    }
}
