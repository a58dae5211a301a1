using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace NewsPortal.Areas.Admin.TagHelpers;

/// <summary>
/// Marks a field whose value was refused with aria-invalid and points its aria-describedby at the message, so a screen
/// reader says what is wrong on reaching the field (WCAG 1.3.1, 3.3.1: techniques ARIA21, ARIA1). The framework only adds a
/// CSS class, which is seen, not heard.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public required ModelExpression For { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    // After the framework's input tag helpers, which write the id and name.
    public override int Order => 1000;

    public static string ErrorIdOf(ViewContext view, ModelExpression field) =>
        TagBuilder.CreateSanitizedId(view.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name), "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState[name] is not { Errors.Count: > 0 }) return;
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        var errorId = ErrorIdOf(ViewContext, For);
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? errorId : $"{describedBy} {errorId}");
    }
}
