using System.Security.Cryptography;
using System.Text;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary><c>X-Customerp-Signature: sha256=&lt;hex HMAC-SHA256(secret, raw body)&gt;</c>, lower-case hex.</summary>
internal static class WebhookSignature
{
    public const string Header = "X-Customerp-Signature";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
