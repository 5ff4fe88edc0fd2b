using System.Security.Cryptography;
using System.Text;

namespace Tolk.Custompms.Internal;

/// <summary>
/// The API takes an <c>Idempotency-Key</c> of 1 to 255 characters, not blank; printable ASCII keeps it a valid header
/// value. Any other key is sent as its hash, which is just as stable for the intent.
/// </summary>
internal static class IdempotencyKeys
{
    public static string For(string key) =>
        key.Length is > 0 and <= 255 && key.All(c => c is >= '!' and <= '~')
            ? key
            : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
