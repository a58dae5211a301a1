namespace NewsPortal.Areas.Admin.Models;

/// <summary>The item form page: new when <see cref="Id"/> is null; <see cref="PreviewHtml"/> after "Preview".</summary>
public sealed record ItemEditorViewModel(int? Id, ItemFormModel Form, string? PreviewHtml = null, string? PublicSlug = null, bool JustSaved = false);
