using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace NewsPortal.Core.Import;

/// <summary>A file's SHA-256 and, for text, the first problem that makes it unreadable, found in one streaming pass.</summary>
public sealed record SourceFacts(string Sha256, string Head, string? Problem);

public static class SourceInspection
{
    private const int HeadBytes = 4096;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Hashes the file and checks that it is UTF-8 without NUL bytes (BAD-13, -14, -15).</summary>
    public static async Task<SourceFacts> InspectAsync(ImportSource source, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = source.Open();
        var buffer = ArrayPool<byte>.Shared.Rent(81920 + 4);
        var chars = ArrayPool<char>.Shared.Rent(81920 + 4);
        var head = new List<byte>(HeadBytes);
        string? problem = null;
        long offset = 0;
        var carried = 0;
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(carried, 81920), ct);
                var available = carried + read;
                var isFinal = read == 0;
                sha.AppendData(buffer, carried, read);
                if (head.Count < HeadBytes) head.AddRange(buffer.Skip(carried).Take(Math.Min(read, HeadBytes - head.Count)));
                if (problem is null)
                {
                    var span = buffer.AsSpan(0, available);
                    var nul = span.IndexOf((byte)0);
                    if (nul >= 0) problem = $"The file contains a NUL byte at offset {offset + nul}; text files must not.";
                    else
                    {
                        var status = Utf8.ToUtf16(span, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: isFinal);
                        if (status == System.Buffers.OperationStatus.InvalidData)
                        {
                            problem = $"The file is not valid UTF-8 (byte 0x{span[consumed]:X2} at offset {offset + consumed}); save it as UTF-8.";
                            carried = 0;
                        }
                        else
                        {
                            // An incomplete character at the end of the chunk is decoded with the next one.
                            carried = available - consumed;
                            offset += consumed;
                            span[consumed..].CopyTo(buffer);
                        }
                    }
                }
                else carried = 0;
                if (isFinal) break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }

        var headBytes = head.ToArray().AsSpan();
        if (headBytes.StartsWith(Utf8Bom)) headBytes = headBytes[3..];
        // The head may end inside a multi-byte character; the decoder replaces that tail, which is harmless here.
        return new SourceFacts(Convert.ToHexStringLower(sha.GetHashAndReset()), Encoding.UTF8.GetString(headBytes), problem);
    }

    /// <summary>Reads a small text file whole (one archived page or Markdown file), without a BOM.</summary>
    public static async Task<string> ReadAllTextAsync(ImportSource source, CancellationToken ct)
    {
        await using var stream = source.Open();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct);
    }
}
