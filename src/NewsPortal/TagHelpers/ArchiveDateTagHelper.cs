using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using NewsPortal.Core.Import;

namespace NewsPortal.TagHelpers;

/// <summary>&lt;archive-date value="..." language="sv" /&gt; renders &lt;time datetime="2012-05-03"&gt;3 May 2012&lt;/time&gt;.</summary>
[HtmlTargetElement("archive-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ArchiveDateTagHelper : TagHelper
{
    public DateOnly Value { get; set; }
    public string Language { get; set; } = "en";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        output.Content.SetContent(ArchiveDateFormats.Format(Value, Language));
    }
}
