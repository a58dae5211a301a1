namespace NewsPortal.Core.Import;

/// <summary>One file to import (or one entry of a zip), opened as often as needed, never held whole in memory.</summary>
public sealed record ImportSource(string Name, long Length, Func<Stream> Open);
