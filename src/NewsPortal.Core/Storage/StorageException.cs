namespace NewsPortal.Core.Storage;

/// <summary>A storage problem an operator must fix before the portal can start; the message says what and where.</summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner);
