namespace Tolk.Customerp.Emulator.Internal;

/// <summary>A create's response as first sent, replayed byte for byte when the same key and body come again.</summary>
internal sealed record StoredResponse(byte[] Fingerprint, int Status, string Location, string ETag, byte[] Body);

/// <summary>
/// Remembers successful creates by (API token, <c>Idempotency-Key</c>) for the window (24 h of the emulator's clock).
/// Entries expire in the order they were made, so expiry is a walk from the front of a queue, not a scan.
/// </summary>
internal sealed class IdempotencyStore
{
    private readonly Dictionary<(string Token, string Key), (StoredResponse Response, DateTimeOffset Expires)> _entries = [];
    private readonly Queue<((string, string) Key, DateTimeOffset Expires)> _expiry = new();
    private readonly Lock _gate = new();

    public StoredResponse? Find(string token, string key, DateTimeOffset now)
    {
        lock (_gate)
        {
            Prune(now);
            return _entries.TryGetValue((token, key), out var entry) ? entry.Response : null;
        }
    }

    public void Remember(string token, string key, StoredResponse response, DateTimeOffset expires)
    {
        lock (_gate)
        {
            _entries[(token, key)] = (response, expires);
            _expiry.Enqueue(((token, key), expires));
        }
    }

    /// <summary>The entries still within their window, oldest first, for a snapshot.</summary>
    public IReadOnlyList<(string Token, string Key, StoredResponse Response, DateTimeOffset Expires)> Entries(DateTimeOffset now)
    {
        lock (_gate)
        {
            Prune(now);
            return _entries.OrderBy(e => e.Value.Expires).Select(e => (e.Key.Token, e.Key.Key, e.Value.Response, e.Value.Expires)).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _expiry.Clear();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_expiry.TryPeek(out var head) && head.Expires <= now)
        {
            _expiry.Dequeue();
            // A later entry under the same key (made after this one expired) must survive.
            if (_entries.TryGetValue(head.Key, out var entry) && entry.Expires <= now)
            {
                _entries.Remove(head.Key);
            }
        }
    }
}
