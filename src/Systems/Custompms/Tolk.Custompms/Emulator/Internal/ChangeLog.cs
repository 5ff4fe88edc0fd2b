namespace Tolk.Custompms.Emulator.Internal;

/// <summary>One entry of the change log: a record of a collection was upserted or deleted.</summary>
internal readonly record struct ChangeEntry(long Seq, string Collection, string Id, bool Deleted, DateTimeOffset At);

/// <summary>What a read of the change log found.</summary>
internal readonly record struct ChangeRead(bool Expired, IReadOnlyList<ChangeEntry> Changes, long LastSeq);

/// <summary>
/// The sequence-numbered change log. Sequence numbers are contiguous from 1; entries older than the retention window
/// are pruned from the front, and a reader whose position lies before the pruned part (or beyond the head, a position
/// from before a reset) must start over.
/// </summary>
internal sealed class ChangeLog
{
    private readonly List<ChangeEntry> _entries = [];
    private readonly Lock _gate = new();
    private int _first;

    /// <summary>The latest sequence number handed out (0 before any).</summary>
    public long Head { get; private set; }

    /// <summary>The highest sequence number no longer retained.</summary>
    public long PrunedThrough { get; private set; }

    public long Append(string collection, string id, bool deleted, DateTimeOffset at, DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            Prune(cutoff);
            _entries.Add(new ChangeEntry(++Head, collection, id, deleted, at));
            return Head;
        }
    }

    /// <summary>Up to <paramref name="limit"/> entries after <paramref name="since"/>; no position means "from now".</summary>
    public ChangeRead Read(long? since, int limit, DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            Prune(cutoff);
            if (since is not { } from)
            {
                return new ChangeRead(false, [], Head);
            }
            if (from < PrunedThrough || from > Head)
            {
                return new ChangeRead(true, [], Head);
            }
            var start = _first + (int)(from - PrunedThrough);
            var page = _entries.GetRange(start, Math.Min(limit, _entries.Count - start));
            return new ChangeRead(false, page, page.Count > 0 ? page[^1].Seq : Head);
        }
    }

    /// <summary>The retained entries, oldest first, for a snapshot.</summary>
    public IReadOnlyList<ChangeEntry> Retained()
    {
        lock (_gate) { return _entries.GetRange(_first, _entries.Count - _first); }
    }

    /// <summary>Replaces the log with one from a snapshot: its head, what was pruned, and the entries retained.</summary>
    public void Restore(long head, long prunedThrough, IReadOnlyList<ChangeEntry> entries)
    {
        lock (_gate)
        {
            var expected = prunedThrough + 1;
            foreach (var entry in entries)
            {
                if (entry.Seq != expected++)
                {
                    throw new ArgumentException($"changes: entry {entry.Seq} breaks the sequence after {prunedThrough} (sequence numbers are contiguous)");
                }
            }
            if (expected - 1 != head)
            {
                throw new ArgumentException($"changes: the head {head} is not the last retained entry's sequence {expected - 1}");
            }
            _entries.Clear();
            _entries.AddRange(entries);
            _first = 0;
            Head = head;
            PrunedThrough = prunedThrough;
        }
    }

    /// <summary>Forgets every retained entry, as if the window had passed over all of them.</summary>
    public void ExpireAll()
    {
        lock (_gate)
        {
            Restart(Head);
        }
    }

    /// <summary>Starts over at <paramref name="head"/>, with nothing retained (the history before it is gone).</summary>
    public void Restart(long head)
    {
        lock (_gate)
        {
            _entries.Clear();
            _first = 0;
            Head = head;
            PrunedThrough = head;
        }
    }

    private void Prune(DateTimeOffset cutoff)
    {
        while (_first < _entries.Count && _entries[_first].At < cutoff)
        {
            PrunedThrough = _entries[_first].Seq;
            _first++;
        }
        // Compact only when the dead prefix dominates, so pruning stays amortised O(1) per entry.
        if (_first > 1024 && _first * 2 > _entries.Count)
        {
            _entries.RemoveRange(0, _first);
            _first = 0;
        }
    }
}
