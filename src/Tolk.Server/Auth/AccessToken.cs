using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tolk.Hub.Store;

namespace Tolk.Server.Auth;

/// <summary>
/// The management API's and dashboard's access token. It is made at first start and shown once; the store keeps only
/// its SHA-256 (cursor <see cref="CursorKey"/>), so neither the store nor a backup of it gives the token away.
/// </summary>
internal sealed class AccessToken
{
    /// <summary>The store key of the token's hash.</summary>
    public const string CursorKey = "server:access-token";

    private const string Prefix = "tolk_";
    private readonly byte[] _hash;

    private AccessToken(byte[] hash) => _hash = hash;

    /// <summary>Loads the stored token's hash, or makes a token (first start, or <paramref name="renew"/>) and returns it once.</summary>
    public static async Task<(AccessToken Token, string? Created)> EnsureAsync(IHubStore store, TimeProvider time, bool renew, CancellationToken cancellationToken)
    {
        if (!renew && await store.GetCursorAsync(CursorKey, cancellationToken) is { } saved
            && JsonNode.Parse(saved.Value)?["sha256"] is JsonValue value && value.TryGetValue<string>(out var hex) && hex.Length == 64)
        {
            return (new AccessToken(Convert.FromHexString(hex)), null);
        }

        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var hash = Hash(token);
        var record = new JsonObject
        {
            ["sha256"] = Convert.ToHexStringLower(hash),
            ["created"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        await store.SaveCursorAsync(new HubCursor(CursorKey, record.ToJsonString()), cancellationToken);
        return (new AccessToken(hash), token);
    }

    /// <summary>Whether <paramref name="presented"/> is the token, compared in constant time.</summary>
    public bool Verifies(string? presented) =>
        !string.IsNullOrEmpty(presented) && presented.Length < 200 && CryptographicOperations.FixedTimeEquals(Hash(presented), _hash);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
