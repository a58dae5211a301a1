namespace NewsPortal.Models;

/// <summary>One step of the "Navigation path"; the last step, the current page, has no address.</summary>
public sealed record BreadcrumbLink(string Text, string? Href = null);
