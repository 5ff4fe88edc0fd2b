using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>
/// The headers of one webhook delivery, signed when they are read. The kernel's dispatcher reads a delivery's headers
/// on every attempt; computing the signature then gives each retry its own <c>t</c>, as the replay window requires
/// (a retry signed with the first attempt's time would be refused by a receiver after five minutes).
/// </summary>
internal sealed class SigningHeaders(byte[] body, string secret, TimeProvider time) : IReadOnlyDictionary<string, string>
{
    public const string Name = "X-Crmoffice-Signature";

    /// <summary>The header value for <paramref name="body"/> signed at <paramref name="unixSeconds"/>.</summary>
    public static string Sign(byte[] body, string secret, long unixSeconds)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var payload = Encoding.UTF8.GetBytes(t + ".").Concat(body).ToArray();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload);
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private string Current => Sign(body, secret, time.GetUtcNow().ToUnixTimeSeconds());

    public string this[string key] => ContainsKey(key) ? Current : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => [Name];

    public IEnumerable<string> Values => [Current];

    public int Count => 1;

    public bool ContainsKey(string key) => string.Equals(key, Name, StringComparison.OrdinalIgnoreCase);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        value = ContainsKey(key) ? Current : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        yield return new(Name, Current);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
