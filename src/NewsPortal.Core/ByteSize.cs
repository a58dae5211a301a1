using System.Globalization;

namespace NewsPortal.Core;

/// <summary>Sizes as people read them in limit messages: "5 MB", "2 KB", "900 bytes".</summary>
public static class ByteSize
{
    public static string Format(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes + " bytes",
    };
}
