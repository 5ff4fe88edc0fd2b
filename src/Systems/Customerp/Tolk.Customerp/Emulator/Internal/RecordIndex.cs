using System.Globalization;
using System.Text.Json.Nodes;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>A record's place in list order: (<c>updated_at</c>, <c>id</c>) ascending.</summary>
internal readonly record struct Position(long Ticks, int Id) : IComparable<Position>
{
    public static readonly Position Last = new(long.MaxValue, int.MaxValue);

    public int CompareTo(Position other) => Ticks != other.Ticks ? Ticks.CompareTo(other.Ticks) : Id.CompareTo(other.Id);

    public static bool operator <(Position a, Position b) => a.CompareTo(b) < 0;

    public static bool operator >(Position a, Position b) => a.CompareTo(b) > 0;

    public static bool operator <=(Position a, Position b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Position a, Position b) => a.CompareTo(b) >= 0;
}

/// <summary>
/// What one collection needs besides its records: list order, live unique values and the highest <c>P-n</c> number,
/// kept up to date from the database's change events so that a page or a uniqueness check costs O(log n), not a scan
/// (the large sample is 60 times the demo). The caller holds the emulator's lock.
/// </summary>
internal sealed class RecordIndex(CollectionSchema schema)
{
    private readonly SortedSet<Position> _order = [];
    private readonly Dictionary<int, (Position Position, bool Deleted)> _byId = [];
    private readonly Dictionary<string, Dictionary<string, int>> _unique =
        schema.UniqueFields.ToDictionary(f => f.Name, _ => new Dictionary<string, int>(StringComparer.Ordinal));

    public CollectionSchema Schema { get; } = schema;

    /// <summary>The highest n of any <c>P-n</c> project number ever stored (deleted records included).</summary>
    public int HighestNumber { get; private set; }

    public void Apply(JsonObject? before, JsonObject? after)
    {
        if (before is not null)
        {
            var id = Id(before);
            if (_byId.Remove(id, out var old))
            {
                _order.Remove(old.Position);
            }
            ForEachUnique(before, (map, key) =>
            {
                if (map.TryGetValue(key, out var owner) && owner == id)
                {
                    map.Remove(key);
                }
            });
        }
        if (after is not null)
        {
            var id = Id(after);
            var position = new Position(Rfc3339.ParseStored((string)after["updated_at"]!).UtcTicks, id);
            var deleted = after["deleted_at"] is not null;
            _order.Add(position);
            _byId[id] = (position, deleted);
            if (!deleted)
            {
                ForEachUnique(after, (map, key) => map[key] = id);
            }
            TrackNumber(after);
        }
    }

    public void Clear()
    {
        _order.Clear();
        _byId.Clear();
        foreach (var map in _unique.Values)
        {
            map.Clear();
        }
        HighestNumber = 0;
    }

    /// <summary>The live record holding <paramref name="value"/> in a unique field, if any.</summary>
    public int? Owner(FieldRule field, string value) =>
        _unique.TryGetValue(field.Name, out var map) && map.TryGetValue(field.UniqueKey(value), out var id) ? id : null;

    public bool IsLive(int id) => _byId.TryGetValue(id, out var entry) && !entry.Deleted;

    /// <summary>Records from <paramref name="from"/> (inclusive) in list order.</summary>
    public IEnumerable<(Position Position, bool Deleted)> From(Position from)
    {
        if (from > Position.Last)
        {
            yield break;
        }
        foreach (var position in _order.GetViewBetween(from, Position.Last))
        {
            yield return (position, _byId[position.Id].Deleted);
        }
    }

    public static int Id(JsonObject record) => (int)record["id"]!;

    private void ForEachUnique(JsonObject record, Action<Dictionary<string, int>, string> action)
    {
        foreach (var field in Schema.UniqueFields)
        {
            if (record[field.Name] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                action(_unique[field.Name], field.UniqueKey(text));
            }
        }
    }

    private void TrackNumber(JsonObject record)
    {
        if (record["project_number"] is JsonValue value && value.TryGetValue<string>(out var number)
            && number.StartsWith("P-", StringComparison.Ordinal)
            && int.TryParse(number.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            HighestNumber = Math.Max(HighestNumber, n);
        }
    }
}
