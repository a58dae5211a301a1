using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using NewsPortal.Areas.Admin.Models;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Import;

namespace NewsPortal.Hosting;

/// <summary>
/// Holds an import upload to <c>Import:MaxUploadBytes</c> before any of it is read. The form is read (and its file
/// buffered to disk) by the antiforgery check, before the action could look at the size; so an upload whose declared
/// length is over the limit is refused from its headers, and one without a declared length is cut off by Kestrel
/// and the form reader at the limit.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ImportUploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    // The multipart framing and the antiforgery field around the file.
    private const long FormOverheadBytes = 16 * 1024;

    // Before the antiforgery filter, which reads the form.
    public int Order => int.MinValue;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var maxUpload = http.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.MaxUploadBytes;
        var limit = maxUpload + FormOverheadBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize) bodySize.MaxRequestBodySize = limit;
        if (http.Features.Get<IFormFeature>()?.Form is null)
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        if (http.Request.ContentLength is not { } length || length <= limit) return;

        var error = ImportUploadStore.TooLargeMessage(maxUpload);
        await http.RequestServices.GetRequiredService<AuditLog>().WriteAsync(AuditEventKind.ImportRefused, http.User.Identity?.Name,
            "upload", $"{length} bytes declared: {error}", http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
        context.Result = new ViewResult
        {
            ViewName = "Index",
            StatusCode = StatusCodes.Status413PayloadTooLarge,
            ViewData = new ViewDataDictionary<ImportViewModel>(http.RequestServices.GetRequiredService<IModelMetadataProvider>(), context.ModelState)
            {
                Model = new ImportViewModel(Error: error),
            },
        };
    }
}
