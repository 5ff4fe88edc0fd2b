using System.Security.Cryptography;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>Issued OAuth access tokens and when they expire, on the emulator's clock.</summary>
internal sealed class TokenStore(TimeProvider time)
{
    private readonly Dictionary<string, (string ClientId, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Issues a token for <paramref name="clientId"/> that lives <paramref name="lifetime"/>.</summary>
    public string Issue(string clientId, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        lock (_gate)
        {
            // Clients that fetch a token per call must not grow memory without bound.
            if (_tokens.Count >= 1024)
            {
                foreach (var expired in _tokens.Where(t => now >= t.Value.ExpiresAt).Select(t => t.Key).ToList())
                {
                    _tokens.Remove(expired);
                }
            }
            _tokens[token] = (clientId, now + lifetime);
        }
        return token;
    }

    /// <summary>The client a live token belongs to; null for an unknown or expired token.</summary>
    public string? ClientOf(string token)
    {
        lock (_gate)
        {
            return _tokens.TryGetValue(token, out var t) && time.GetUtcNow() < t.ExpiresAt ? t.ClientId : null;
        }
    }

    /// <summary>The tokens still alive, for a snapshot.</summary>
    public IReadOnlyList<(string Token, string ClientId, DateTimeOffset ExpiresAt)> Live()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _tokens.Where(t => now < t.Value.ExpiresAt).OrderBy(t => t.Value.ExpiresAt)
                .Select(t => (t.Key, t.Value.ClientId, t.Value.ExpiresAt)).ToList();
        }
    }

    /// <summary>Takes back a token from a snapshot, with its original expiry.</summary>
    public void Restore(string token, string clientId, DateTimeOffset expiresAt)
    {
        lock (_gate) { _tokens[token] = (clientId, expiresAt); }
    }

    /// <summary>Forgets every token, so each client must fetch a new one.</summary>
    public void Clear()
    {
        lock (_gate) { _tokens.Clear(); }
    }
}
