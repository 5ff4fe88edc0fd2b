using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Tolk.Hub;

/// <summary>SHA-256 over the content's UTF-8 bytes followed by one byte for the deleted flag (1 deleted, 0 not).</summary>
internal static class RecordHash
{
    public const int Size = 32;

    public static byte[] Compute(string content, bool deleted)
    {
        ArgumentNullException.ThrowIfNull(content);
        var length = Encoding.UTF8.GetMaxByteCount(content.Length) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(content, buffer);
            return Compute(buffer, written, deleted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Hashes <paramref name="buffer"/>[..<paramref name="length"/>]; the buffer needs one spare byte for the flag.</summary>
    public static byte[] Compute(byte[] buffer, int length, bool deleted)
    {
        buffer[length] = deleted ? (byte)1 : (byte)0;
        return SHA256.HashData(buffer.AsSpan(0, length + 1));
    }
}
