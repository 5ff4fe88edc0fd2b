using Tolk.Emulation.Limits;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>
/// Asana's limits per token: requests per minute (rejected ones count too) and concurrent reads and writes. A batch
/// counts as one request per action and is refused whole when any action would exceed a limit.
/// </summary>
internal sealed class RateLimits(TimeProvider time)
{
    private readonly Lock _gate = new();

    /// <summary>The per-minute window.</summary>
    public RateWindow Window { get; } = new(time, 150, TimeSpan.FromMinutes(1), countRejected: true);

    /// <summary>Concurrent GETs per token.</summary>
    public ConcurrencyGate Reads { get; } = new(50);

    /// <summary>Concurrent writes per token.</summary>
    public ConcurrencyGate Writes { get; } = new(15);

    /// <summary>Counts requests with these methods for <paramref name="token"/>; the leases end the concurrent ones.</summary>
    public (bool Allowed, int RetryAfterSeconds, IReadOnlyList<IDisposable> Leases) TryAcquire(string token, IReadOnlyList<string> methods)
    {
        lock (_gate)
        {
            if (!Count(token, methods.Count, out var retry))
            {
                return (false, retry, []);
            }
            var leases = new List<IDisposable>(methods.Count);
            foreach (var method in methods)
            {
                var gate = method == "GET" ? Reads : Writes;
                if (gate.TryEnter(token) is not { } lease)
                {
                    leases.ForEach(l => l.Dispose());
                    return (false, 1, []);
                }
                leases.Add(lease);
            }
            return (true, 0, leases);
        }
    }

    /// <summary>Forgets every window.</summary>
    public void Reset() => Window.Reset();

    private bool Count(string token, int requests, out int retryAfterSeconds)
    {
        var room = Window.Peek(token).Remaining;
        var allowed = true;
        for (var i = 0; i < requests; i++)
        {
            // Every request counts, refused or not; a batch that does not fit entirely is refused entirely.
            allowed &= Window.Acquire(token).Allowed;
        }
        allowed &= room >= requests;
        retryAfterSeconds = allowed ? 0 : Math.Max(1, (int)Math.Ceiling(Window.Peek(token).RetryAfter.TotalSeconds));
        return allowed;
    }
}
