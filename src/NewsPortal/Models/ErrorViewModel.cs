namespace NewsPortal.Models;

public sealed record ErrorViewModel(int StatusCode, string? RequestId);
