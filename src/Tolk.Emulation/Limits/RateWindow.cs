namespace Tolk.Emulation.Limits;

/// <summary>The answer of a rate window to one request.</summary>
/// <param name="Allowed">Whether the request may be served.</param>
/// <param name="Limit">The window's limit.</param>
/// <param name="Remaining">Requests left in the current window after this one.</param>
/// <param name="RetryAfter">When refused: time until the window resets.</param>
/// <param name="Rejections">Refused requests in the current window, this one included.</param>
public readonly record struct RateDecision(bool Allowed, int Limit, int Remaining, TimeSpan RetryAfter, int Rejections);

/// <summary>
/// Fixed-window request counting per partition (a token, a key, a client), on an injected clock. Rejected requests
/// count too when <see cref="CountRejected"/> is set, as Asana documents.
/// </summary>
public sealed class RateWindow
{
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    /// <summary>Creates a window of <paramref name="limit"/> requests per <paramref name="period"/>.</summary>
    public RateWindow(TimeProvider time, int limit, TimeSpan period, bool countRejected = false)
    {
        _time = time;
        Limit = limit;
        Period = period;
        CountRejected = countRejected;
    }

    /// <summary>Requests allowed per window; settable through the admin channel to put clients under pressure.</summary>
    public int Limit { get; set; }

    /// <summary>The window's length.</summary>
    public TimeSpan Period { get; set; }

    /// <summary>Whether refused requests use up the window too.</summary>
    public bool CountRejected { get; }

    /// <summary>Counts one request for <paramref name="partition"/> and says whether it may be served.</summary>
    public RateDecision Acquire(string partition)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(partition, out var w) || now >= w.Start + Period)
            {
                w = new Window { Start = now };
                _windows[partition] = w;
                PruneExpired(now);
            }
            var allowed = w.Count < Limit;
            if (allowed || CountRejected)
            {
                w.Count++;
            }
            if (!allowed)
            {
                w.Rejections++;
            }
            var retryAfter = allowed ? TimeSpan.Zero : w.Start + Period - now;
            return new RateDecision(allowed, Limit, Math.Max(0, Limit - w.Count), retryAfter, w.Rejections);
        }
    }

    /// <summary>Reads the current state for <paramref name="partition"/> without counting a request.</summary>
    public RateDecision Peek(string partition)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return _windows.TryGetValue(partition, out var w) && now < w.Start + Period
                ? new RateDecision(w.Count < Limit, Limit, Math.Max(0, Limit - w.Count), w.Start + Period - now, w.Rejections)
                : new RateDecision(true, Limit, Limit, TimeSpan.Zero, 0);
        }
    }

    /// <summary>Forgets every window.</summary>
    public void Reset()
    {
        lock (_gate) { _windows.Clear(); }
    }

    // Partitions are few in practice, but a client cycling tokens must not grow memory without bound.
    private void PruneExpired(DateTimeOffset now)
    {
        if (_windows.Count < 1024)
        {
            return;
        }
        foreach (var key in _windows.Where(kv => now >= kv.Value.Start + Period).Select(kv => kv.Key).ToList())
        {
            _windows.Remove(key);
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; init; }
        public int Count { get; set; }
        public int Rejections { get; set; }
    }
}
