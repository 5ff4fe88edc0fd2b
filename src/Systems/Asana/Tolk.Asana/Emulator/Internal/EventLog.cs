using System.Text.Json.Nodes;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>One change event as the events endpoint and webhooks report it.</summary>
/// <param name="Seq">Position in the log.</param>
/// <param name="At">When it happened.</param>
/// <param name="Event">The event as <c>GET /events</c> answers it (named compacts).</param>
/// <param name="Scopes">The gids of every resource whose subscribers see the event (it bubbles up).</param>
internal sealed record LoggedEvent(long Seq, DateTimeOffset At, JsonObject Event, IReadOnlyList<string> Scopes);

/// <summary>
/// The change stream behind the events endpoint: kept for as long as sync tokens live (24 h), and bounded in count so
/// a long run at large size keeps memory flat.
/// </summary>
internal sealed class EventLog
{
    private readonly List<LoggedEvent> _events = [];
    private readonly Lock _gate = new();
    private long _head;
    private long _prunedThrough;

    /// <summary>The most events kept, however young.</summary>
    public int Capacity { get; set; } = 50_000;

    /// <summary>The sequence number of the latest event.</summary>
    public long Head
    {
        get { lock (_gate) { return _head; } }
    }

    /// <summary>Events up to this sequence number are gone; a token from before it cannot be continued.</summary>
    public long PrunedThrough
    {
        get { lock (_gate) { return _prunedThrough; } }
    }

    /// <summary>Appends an event and returns it with its sequence number.</summary>
    public LoggedEvent Append(DateTimeOffset at, JsonObject apiEvent, IReadOnlyList<string> scopes)
    {
        lock (_gate)
        {
            var logged = new LoggedEvent(++_head, at, apiEvent, scopes);
            _events.Add(logged);
            if (_events.Count > Capacity)
            {
                _prunedThrough = _events[0].Seq;
                _events.RemoveAt(0);
            }
            return logged;
        }
    }

    /// <summary>Up to <paramref name="max"/> events for <paramref name="resource"/> after <paramref name="afterSeq"/>.</summary>
    public (IReadOnlyList<LoggedEvent> Events, long Last, bool HasMore) Read(string resource, long afterSeq, int max)
    {
        lock (_gate)
        {
            var found = new List<LoggedEvent>();
            var last = _head;
            for (var i = StartIndex(afterSeq); i < _events.Count; i++)
            {
                var e = _events[i];
                if (!e.Scopes.Contains(resource))
                {
                    continue;
                }
                if (found.Count == max)
                {
                    return (found, found[^1].Seq, true);
                }
                found.Add(e);
            }
            return (found, last, false);
        }
    }

    /// <summary>Drops events older than <paramref name="cutoff"/>.</summary>
    public void Prune(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            var n = 0;
            while (n < _events.Count && _events[n].At < cutoff)
            {
                n++;
            }
            if (n > 0)
            {
                _prunedThrough = _events[n - 1].Seq;
                _events.RemoveRange(0, n);
            }
        }
    }

    /// <summary>The log for a snapshot: its head, what was pruned, and the events kept.</summary>
    public (long Head, long PrunedThrough, IReadOnlyList<LoggedEvent> Events) Export()
    {
        lock (_gate) { return (_head, _prunedThrough, _events.ToList()); }
    }

    /// <summary>Replaces the log with one from a snapshot.</summary>
    public void Restore(long head, long prunedThrough, IEnumerable<LoggedEvent> events)
    {
        lock (_gate)
        {
            _events.Clear();
            _events.AddRange(events);
            _head = head;
            _prunedThrough = prunedThrough;
        }
    }

    /// <summary>Forgets every event; sequence numbers carry on so old tokens never match new events.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
            _prunedThrough = _head;
        }
    }

    private int StartIndex(long afterSeq)
    {
        int lo = 0, hi = _events.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_events[mid].Seq <= afterSeq)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
