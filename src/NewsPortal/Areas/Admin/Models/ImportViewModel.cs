using NewsPortal.Core.Import;

namespace NewsPortal.Areas.Admin.Models;

/// <summary>
/// The import page: the upload form, or a report; after a clean dry run, <see cref="UploadId"/> lets the editor apply it.
/// <see cref="ApplyingUploadId"/> names an upload an earlier request is applying, so the page can offer to check again.
/// </summary>
public sealed record ImportViewModel(ImportReport? Report = null, string? FileName = null, Guid? UploadId = null, string? Error = null,
    Guid? ApplyingUploadId = null);
