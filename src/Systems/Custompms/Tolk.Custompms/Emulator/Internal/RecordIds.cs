using System.Security.Cryptography;
using System.Text;

namespace Tolk.Custompms.Emulator.Internal;

/// <summary>
/// Record ids: UUIDs that look random (version 4 layout) but are a hash of the sample seed, the collection and a
/// running number, so the same seed and the same calls always give the same ids.
/// </summary>
internal static class RecordIds
{
    public static string Make(int seed, string collection, long number)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"custompms:{seed}:{collection}:{number}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    /// <summary>Whether <paramref name="text"/> has the form of an id: a lower-case hyphenated UUID.</summary>
    public static bool IsWellFormed(string text) =>
        text.Length == 36 && Guid.TryParseExact(text, "D", out _) && !text.Any(char.IsUpper);
}
