using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace NewsPortal.Areas.Admin.TagHelpers;

/// <summary>
/// Gives a field's error message (<c>span asp-validation-for</c>) an id, so that its field can name it: see
/// <see cref="InvalidFieldTagHelper"/>.
/// </summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public required ModelExpression For { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("id", InvalidFieldTagHelper.ErrorIdOf(ViewContext, For));
}
