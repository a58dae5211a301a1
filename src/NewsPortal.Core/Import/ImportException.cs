namespace NewsPortal.Core.Import;

/// <summary>The upload as a whole cannot be imported (too large, a dangerous zip...); nothing was written.</summary>
public sealed class ImportException(string message) : Exception(message);
