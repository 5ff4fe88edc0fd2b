using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>
/// Sync tokens for the events endpoint: 32 hex digits like Asana's, holding a position in the event log, when the
/// token was handed out and a generation, signed together with the resource they were issued for.
/// </summary>
internal sealed class SyncTokens(TimeProvider time, byte[] key)
{
    private int _epoch;

    /// <summary>How long a token stays valid: 24 hours, as Asana documents.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Which expiry the tokens are in: a token issued in an earlier one is expired. Kept across a restart.</summary>
    public int Epoch
    {
        get => Volatile.Read(ref _epoch);
        set => Volatile.Write(ref _epoch, value);
    }

    /// <summary>Makes every token handed out so far invalid.</summary>
    public void ExpireAll() => Interlocked.Increment(ref _epoch);

    /// <summary>A token for <paramref name="resource"/> positioned after event <paramref name="seq"/>.</summary>
    public string Issue(string resource, long seq)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, seq << 16);
        var seconds = time.GetUtcNow().ToUnixTimeSeconds();
        bytes[6] = (byte)(seconds >> 32);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(7), (uint)seconds);
        bytes[11] = (byte)Volatile.Read(ref _epoch);
        Mac(bytes.AsSpan(0, 12), resource).CopyTo(bytes.AsSpan(12));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The position a still-valid token holds for <paramref name="resource"/>, or null.</summary>
    public long? Read(string token, string resource)
    {
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigit))
        {
            return null;
        }
        var bytes = Convert.FromHexString(token);
        if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(12), Mac(bytes.AsSpan(0, 12), resource)))
        {
            return null;
        }
        var seq = BinaryPrimitives.ReadInt64BigEndian(bytes) >> 16;
        var seconds = ((long)bytes[6] << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(7));
        var fresh = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) <= Lifetime;
        return fresh && bytes[11] == (byte)Volatile.Read(ref _epoch) ? seq : null;
    }

    private byte[] Mac(ReadOnlySpan<byte> body, string resource)
    {
        var input = new byte[body.Length + Encoding.UTF8.GetByteCount(resource)];
        body.CopyTo(input);
        Encoding.UTF8.GetBytes(resource, input.AsSpan(body.Length));
        return HMACSHA256.HashData(key, input)[..4];
    }
}
