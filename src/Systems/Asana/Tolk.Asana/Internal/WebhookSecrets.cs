using System.Collections.Concurrent;
using Tolk.Connectors.Webhooks;

namespace Tolk.Asana.Internal;

/// <summary>
/// The secrets of this connector's webhooks (webhook gid → secret), and the handshake in progress: Asana sends the new
/// secret to the target during <c>POST /webhooks</c>, before the webhook's gid is known, so it is caught here and bound
/// to the gid when the call returns. Handshakes are accepted only while a registration waits for one. The caller's store
/// (<paramref name="saved"/>) is read live, so secrets another instance saved (before a restart, say) verify too.
/// </summary>
internal sealed class WebhookSecrets(IReadOnlyDictionary<string, string> saved)
{
    private readonly ConcurrentDictionary<string, string> _byWebhook = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Uri? _expected;
    private string? _caught;

    /// <summary>Whether the secret of webhook <paramref name="gid"/> is known.</summary>
    public bool Knows(string gid) => _byWebhook.ContainsKey(gid) || saved.ContainsKey(gid);

    /// <summary>Remembers a webhook's secret.</summary>
    public void Add(string gid, string secret) => _byWebhook[gid] = secret;

    /// <summary>Forgets a deleted webhook's secret.</summary>
    public void Remove(string gid) => _byWebhook.TryRemove(gid, out _);

    /// <summary>Opens the handshake window for a registration delivering to <paramref name="target"/>.</summary>
    public void Expect(Uri target)
    {
        lock (_gate)
        {
            _expected = target;
            _caught = null;
        }
    }

    /// <summary>Closes the window and hands over the secret the handshake brought, if one came.</summary>
    public string? Take()
    {
        lock (_gate)
        {
            var secret = _caught;
            (_expected, _caught) = (null, null);
            return secret;
        }
    }

    /// <summary>Keeps a handshake's secret; false when no registration to <paramref name="target"/> is waiting for one.</summary>
    public bool Catch(Uri target, string secret)
    {
        lock (_gate)
        {
            if (_expected is null || !string.Equals(_expected.AbsolutePath, target.AbsolutePath, StringComparison.Ordinal))
            {
                return false;
            }
            _caught = secret;
            return true;
        }
    }

    /// <summary>Whether <paramref name="signature"/> is the HMAC of <paramref name="body"/> under one of the secrets.</summary>
    public bool Verifies(string signature, byte[] body)
    {
        // Every secret is tried, so the time taken does not tell which one (if any) came close.
        var valid = false;
        foreach (var secret in _byWebhook.Values.Concat(saved.Values))
        {
            valid |= Signatures.SameSignature(Signatures.HmacSha256Hex(secret, body), signature);
        }
        return valid;
    }
}
