namespace Tolk.Emulation.Data;

/// <summary>An emulator's in-memory state: named collections and one stream of changes for its change feeds.</summary>
public sealed class EmulatorDatabase
{
    private readonly Dictionary<string, RecordTable> _collections = new(StringComparer.OrdinalIgnoreCase);
    private long _version;

    /// <summary>Creates a database whose change times come from <paramref name="time"/>.</summary>
    public EmulatorDatabase(TimeProvider time) => Time = time;

    /// <summary>The clock every change is stamped with.</summary>
    public TimeProvider Time { get; }

    /// <summary>Raised after each applied change, on the thread that applied it.</summary>
    public event Action<RecordChange>? Changed;

    /// <summary>
    /// A number that grows with every change to the emulator's state: each record change, and whatever the emulator
    /// reports through <see cref="Touch"/>. A snapshot is worth taking only when it moved since the last one.
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Records that state outside the records changed (an issued token, a webhook secret), so it gets saved.</summary>
    public void Touch() => Interlocked.Increment(ref _version);

    /// <summary>The collections, by name.</summary>
    public IReadOnlyCollection<RecordTable> Collections => _collections.Values;

    /// <summary>Declares a collection; ids compare ordinally unless <paramref name="idComparer"/> says otherwise.</summary>
    public RecordTable Add(string name, IEqualityComparer<string>? idComparer = null)
    {
        var collection = new RecordTable(name, this, idComparer);
        _collections.Add(name, collection);
        return collection;
    }

    /// <summary>The named collection, or null.</summary>
    public RecordTable? Find(string name) => _collections.GetValueOrDefault(name);

    /// <summary>Empties every collection without raising changes.</summary>
    public void Clear()
    {
        foreach (var c in _collections.Values)
        {
            c.Clear();
        }
    }

    internal void Raise(RecordChange change)
    {
        Touch();
        Changed?.Invoke(change);
    }
}
