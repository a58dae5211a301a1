using System.ComponentModel.DataAnnotations;
using NewsPortal.Core.News;

namespace NewsPortal.Areas.Admin.Models;

public sealed class LinkInput
{
    public NewsLinkKind Kind { get; set; }

    [StringLength(300, ErrorMessage = "Link text can be at most 300 characters.")]
    public string? Text { get; set; }

    [StringLength(2048, ErrorMessage = "The address can be at most 2048 characters.")]
    [Display(Name = "Address")]
    public string? Url { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Url);
}
