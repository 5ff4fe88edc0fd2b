namespace Tolk.Custompms.Emulator.Internal;

/// <summary>
/// The first successful create per (API key, collection, Idempotency-Key), kept as the exact response body for the
/// retention window. Callers hold the emulator's write lock, so a lookup and the create it guards are atomic.
/// </summary>
internal sealed class IdempotencyStore
{
    private readonly Dictionary<(string ApiKey, string Collection, string Key), byte[]> _first = [];

    // Remembered in time order, so expiry only ever looks at the front.
    private readonly Queue<((string, string, string) Key, DateTimeOffset At)> _byAge = new();

    public byte[]? Find(string apiKey, string collection, string key, DateTimeOffset cutoff)
    {
        while (_byAge.TryPeek(out var oldest) && oldest.At < cutoff)
        {
            _first.Remove(_byAge.Dequeue().Key);
        }
        return _first.GetValueOrDefault((apiKey, collection, key));
    }

    public void Remember(string apiKey, string collection, string key, DateTimeOffset at, byte[] body)
    {
        _first[(apiKey, collection, key)] = body;
        _byAge.Enqueue(((apiKey, collection, key), at));
    }

    /// <summary>Every remembered create with when it was made, oldest first, for a snapshot.</summary>
    public IReadOnlyList<(string ApiKey, string Collection, string Key, DateTimeOffset At, byte[] Body)> Entries()
    {
        var latest = new Dictionary<(string, string, string), DateTimeOffset>();
        foreach (var (key, at) in _byAge)
        {
            latest[key] = at;
        }
        return latest.Where(e => _first.ContainsKey(e.Key)).OrderBy(e => e.Value)
            .Select(e => (e.Key.Item1, e.Key.Item2, e.Key.Item3, e.Value, _first[e.Key])).ToList();
    }

    public void Clear()
    {
        _first.Clear();
        _byAge.Clear();
    }
}
