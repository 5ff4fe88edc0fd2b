namespace Tolk.Emulation.Limits;

/// <summary>Counts requests in flight per partition, for limits such as Asana's 50 concurrent reads and 15 writes.</summary>
public sealed class ConcurrencyGate(int limit)
{
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Requests allowed in flight at once; settable through the admin channel.</summary>
    public int Limit { get; set; } = limit;

    /// <summary>Enters the gate; null when the partition is already at its limit. Dispose the lease to leave.</summary>
    public IDisposable? TryEnter(string partition)
    {
        lock (_gate)
        {
            var n = _inFlight.GetValueOrDefault(partition);
            if (n >= Limit)
            {
                return null;
            }
            _inFlight[partition] = n + 1;
            return new Lease(this, partition);
        }
    }

    private void Leave(string partition)
    {
        lock (_gate)
        {
            var n = _inFlight.GetValueOrDefault(partition) - 1;
            if (n <= 0)
            {
                _inFlight.Remove(partition);
            }
            else
            {
                _inFlight[partition] = n;
            }
        }
    }

    private sealed class Lease(ConcurrencyGate owner, string partition) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave(partition);
            }
        }
    }
}
