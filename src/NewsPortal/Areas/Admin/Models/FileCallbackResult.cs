using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace NewsPortal.Areas.Admin.Models;

/// <summary>A download written by a callback as it goes, so large exports never sit in memory.</summary>
public sealed class FileCallbackResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        // ZipArchive needs synchronous writes at the end; buffer through a temporary file-backed stream.
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await write(buffer, context.HttpContext.RequestAborted);
        buffer.Position = 0;
        response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
    }
}
