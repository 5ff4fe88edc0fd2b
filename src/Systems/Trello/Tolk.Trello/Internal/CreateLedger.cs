using System.Collections.Concurrent;

namespace Tolk.Trello.Internal;

/// <summary>
/// Trello has no idempotency keys, so the connector keeps its own account of the creates it sent: when each left
/// (so a lost answer is looked for among records created since then) and what it made (so a repeat of the same intent
/// returns the first record instead of a second one). Kept in memory for the recovery window; after a restart the
/// lookup falls back to the whole window.
/// </summary>
internal sealed class CreateLedger(TimeProvider time, TimeSpan keep)
{
    internal sealed record Entry(DateTimeOffset SentAt, string? CreatedId);

    private readonly ConcurrentDictionary<(string Datatype, string Key), Entry> _entries = new();

    public Entry? Find(string datatype, string key) => _entries.GetValueOrDefault((datatype, key));

    public void Sending(string datatype, string key)
    {
        var now = time.GetUtcNow();
        foreach (var old in _entries.Where(e => now - e.Value.SentAt > keep).Select(e => e.Key).ToList())
        {
            _entries.TryRemove(old, out _);
        }
        _entries.AddOrUpdate((datatype, key), _ => new Entry(now, null), (_, e) => e with { SentAt = now });
    }

    public void Created(string datatype, string key, string id) =>
        _entries.AddOrUpdate((datatype, key), _ => new Entry(time.GetUtcNow(), id), (_, e) => e with { CreatedId = id });

    /// <summary>The create was refused outright: nothing was made, nothing to look for.</summary>
    public void Refused(string datatype, string key) => _entries.TryRemove((datatype, key), out _);
}
