using System.Security.Cryptography;
using System.Text;

namespace Tolk.Customerp.Internal;

/// <summary>The API takes 1 to 255 printable ASCII characters as an Idempotency-Key; any other key is sent as its hash.</summary>
internal static class IdempotencyKeys
{
    public static string For(string key) =>
        key.Length is > 0 and <= 255 && key.All(c => c is >= ' ' and <= '~')
            ? key
            : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
