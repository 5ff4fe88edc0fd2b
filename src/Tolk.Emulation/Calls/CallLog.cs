namespace Tolk.Emulation.Calls;

/// <summary>
/// The calls an emulator received, newest last. Bounded, so a long demo or a large load keeps memory flat; the total
/// count is kept apart from the window so tests can count calls however long the log has run.
/// </summary>
public sealed class CallLog
{
    private readonly Queue<CallRecord> _window = new();
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private long _seq;

    /// <summary>Creates a log that keeps the latest <paramref name="capacity"/> calls.</summary>
    public CallLog(int capacity = 10_000) => _capacity = capacity;

    /// <summary>How many calls were received since the last <see cref="Clear"/>.</summary>
    public long Total
    {
        get { lock (_gate) { return _seq; } }
    }

    /// <summary>Appends a call and returns its sequence number.</summary>
    public long Add(DateTimeOffset at, string method, string path, string query, int status, double durationMs, string? fault)
    {
        lock (_gate)
        {
            var record = new CallRecord(++_seq, at, method, path, query, status, durationMs, fault);
            _window.Enqueue(record);
            if (_window.Count > _capacity)
            {
                _window.Dequeue();
            }
            return record.Seq;
        }
    }

    /// <summary>The retained calls with a sequence number above <paramref name="afterSeq"/>.</summary>
    public IReadOnlyList<CallRecord> Since(long afterSeq)
    {
        lock (_gate) { return _window.Where(c => c.Seq > afterSeq).ToList(); }
    }

    /// <summary>Forgets every call and restarts the count.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _window.Clear();
            _seq = 0;
        }
    }
}
