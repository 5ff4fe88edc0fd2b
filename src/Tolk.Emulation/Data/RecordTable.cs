using System.Text.Json.Nodes;

namespace Tolk.Emulation.Data;

/// <summary>
/// One collection of an emulator's in-memory database: records as JSON objects keyed by id, in insertion order.
/// Readers get deep copies, so a caller can never change stored state by accident.
/// </summary>
public sealed class RecordTable
{
    private readonly Dictionary<string, JsonObject> _records = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly EmulatorDatabase _database;
    private readonly Lock _gate = new();

    internal RecordTable(string name, EmulatorDatabase database, IEqualityComparer<string>? idComparer)
    {
        Name = name;
        _database = database;
        if (idComparer is not null)
        {
            _records = new Dictionary<string, JsonObject>(idComparer);
        }
    }

    /// <summary>The collection's name, as the admin channel and change feeds know it.</summary>
    public string Name { get; }

    /// <summary>How many records the collection holds.</summary>
    public int Count
    {
        get { lock (_gate) { return _records.Count; } }
    }

    /// <summary>Whether a record with this id exists.</summary>
    public bool Contains(string id)
    {
        lock (_gate) { return _records.ContainsKey(id); }
    }

    /// <summary>A copy of the record, or null.</summary>
    public JsonObject? Get(string id)
    {
        lock (_gate) { return _records.TryGetValue(id, out var r) ? (JsonObject)r.DeepClone() : null; }
    }

    /// <summary>Copies of all records in insertion order.</summary>
    public IReadOnlyList<JsonObject> All()
    {
        lock (_gate) { return _order.Select(id => (JsonObject)_records[id].DeepClone()).ToList(); }
    }

    /// <summary>Copies of the records that satisfy <paramref name="predicate"/>, in insertion order.</summary>
    public IReadOnlyList<JsonObject> Where(Func<JsonObject, bool> predicate)
    {
        lock (_gate) { return _order.Select(id => _records[id]).Where(predicate).Select(r => (JsonObject)r.DeepClone()).ToList(); }
    }

    /// <summary>Inserts or replaces a record and raises the change.</summary>
    public void Put(string id, JsonObject record, ChangeOrigin origin)
    {
        JsonObject? before;
        var stored = (JsonObject)record.DeepClone();
        lock (_gate)
        {
            before = _records.TryGetValue(id, out var old) ? old : null;
            if (before is null)
            {
                _order.Add(id);
            }
            _records[id] = stored;
        }
        _database.Raise(new RecordChange(Name, id, before is null ? ChangeKind.Created : ChangeKind.Updated, origin,
            before, (JsonObject)stored.DeepClone(), _database.Time.GetUtcNow()));
    }

    /// <summary>Removes a record; false when it did not exist.</summary>
    public bool Remove(string id, ChangeOrigin origin)
    {
        JsonObject? before;
        lock (_gate)
        {
            if (!_records.Remove(id, out before))
            {
                return false;
            }
            _order.Remove(id);
        }
        _database.Raise(new RecordChange(Name, id, ChangeKind.Deleted, origin, before, null, _database.Time.GetUtcNow()));
        return true;
    }

    /// <summary>Drops every record without raising changes (used by reset and seeding).</summary>
    internal void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
            _order.Clear();
        }
        _database.Touch();
    }

    /// <summary>Copies of every record with its id, in insertion order (for a snapshot).</summary>
    internal IReadOnlyList<KeyValuePair<string, JsonObject>> Entries()
    {
        lock (_gate) { return _order.Select(id => KeyValuePair.Create(id, (JsonObject)_records[id].DeepClone())).ToList(); }
    }

    /// <summary>Replaces the records with <paramref name="entries"/> without raising changes (a snapshot restored).</summary>
    /// <exception cref="ArgumentException">Two entries have the same id under the collection's id comparer.</exception>
    internal void Load(IEnumerable<KeyValuePair<string, JsonObject>> entries)
    {
        lock (_gate)
        {
            _records.Clear();
            _order.Clear();
            foreach (var (id, record) in entries)
            {
                if (!_records.TryAdd(id, record))
                {
                    throw new ArgumentException($"{Name}: the id '{id}' appears twice");
                }
                _order.Add(id);
            }
        }
        _database.Touch();
    }
}
