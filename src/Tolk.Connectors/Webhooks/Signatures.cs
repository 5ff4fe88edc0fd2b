using System.Security.Cryptography;
using System.Text;

namespace Tolk.Connectors.Webhooks;

/// <summary>The HMAC signatures the systems use, and a constant-time comparison so verification leaks no timing.</summary>
public static class Signatures
{
    /// <summary>Lowercase hex HMAC-SHA256 of <paramref name="payload"/> (Asana, Customerp, Crmoffice).</summary>
    public static string HmacSha256Hex(string secret, ReadOnlySpan<byte> payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));

    /// <summary>Base64 HMAC-SHA1 of <paramref name="payload"/> (Trello, over body + callback URL).</summary>
    public static string HmacSha1Base64(string secret, ReadOnlySpan<byte> payload) =>
#pragma warning disable CA5350 // Trello signs with HMAC-SHA1; verifying its signature needs the same algorithm.
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), payload));
#pragma warning restore CA5350

    /// <summary>Compares two signatures in constant time.</summary>
    public static bool SameSignature(string expected, string? actual) =>
        actual is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
