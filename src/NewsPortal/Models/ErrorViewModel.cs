namespace NewsPortal.Models;

public sealed record ErrorViewModel(int StatusCode, string? RequestId);

public sealed record DatabaseProblemViewModel(NewsPortal.Core.Storage.DatabaseFailureKind Failure, bool WasWrite);
