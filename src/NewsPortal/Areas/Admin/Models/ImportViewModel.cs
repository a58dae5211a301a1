using NewsPortal.Core.Import;

namespace NewsPortal.Areas.Admin.Models;

/// <summary>The import page: the upload form, or a report; after a clean dry run, <see cref="UploadId"/> lets the editor apply it.</summary>
public sealed record ImportViewModel(ImportReport? Report = null, string? FileName = null, Guid? UploadId = null, string? Error = null);
