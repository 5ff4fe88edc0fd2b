using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>
/// Pagination offsets: opaque, signed, bound to the listing they came from, and able to expire — after a
/// configurable lifetime, or all at once when the emulator is told to expire its change tokens.
/// </summary>
internal sealed class OffsetTokens(TimeProvider time, byte[] key)
{
    private const string Header = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9";
    private int _epoch;

    /// <summary>How long an offset stays valid; null for as long as the emulator runs.</summary>
    public TimeSpan? Lifetime { get; set; }

    /// <summary>Which expiry the tokens are in: a offset issued in an earlier one is expired. Kept across a restart.</summary>
    public int Epoch
    {
        get => Volatile.Read(ref _epoch);
        set => Volatile.Write(ref _epoch, value);
    }

    /// <summary>Makes every offset handed out so far invalid.</summary>
    public void ExpireAll() => Interlocked.Increment(ref _epoch);

    /// <summary>An offset that continues <paramref name="scope"/> after the record <paramref name="lastGid"/>.</summary>
    public string Issue(string scope, string lastGid)
    {
        var payload = new JsonObject
        {
            ["border_rank"] = lastGid,
            ["scope"] = Hash(scope),
            ["iat"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["epoch"] = Volatile.Read(ref _epoch),
        };
        var body = Header + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return body + "." + Base64Url(Sign(body));
    }

    /// <summary>The gid to continue after, or the error Asana gives for a bad or expired offset.</summary>
    public (string? LastGid, string? Error) Read(string token, string scope)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            return (null, AsanaErrors.InvalidOffset);
        }
        var body = parts[0] + "." + parts[1];
        var signature = FromBase64Url(parts[2]);
        if (signature is null || !CryptographicOperations.FixedTimeEquals(signature, Sign(body)))
        {
            return (null, AsanaErrors.InvalidOffset);
        }
        var payload = FromBase64Url(parts[1]) is { } bytes ? TryParse(bytes) : null;
        if (payload?["border_rank"] is not JsonValue rank || (string?)payload["scope"] != Hash(scope))
        {
            return (null, AsanaErrors.InvalidOffset);
        }
        var issued = DateTimeOffset.FromUnixTimeSeconds((long?)payload["iat"] ?? 0);
        var expired = (int?)payload["epoch"] != Volatile.Read(ref _epoch)
            || (Lifetime is { } lifetime && time.GetUtcNow() - issued > lifetime);
        return expired ? (null, AsanaErrors.ExpiredOffset) : ((string?)rank, null);
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body))[..16];

    private static string Hash(string scope) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope))[..8]);

    private static JsonObject? TryParse(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
