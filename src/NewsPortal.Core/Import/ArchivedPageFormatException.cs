namespace NewsPortal.Core.Import;

/// <summary>The input is not an archived page we can read; the message names the line and the reason.</summary>
public sealed class ArchivedPageFormatException(string message) : Exception(message);
