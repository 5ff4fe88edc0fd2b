using System.Globalization;
using System.Text.Json.Nodes;
using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Golden;

/// <summary>
/// The golden record's value of one property: the value (references name clusters, see <see cref="GoldenRefs"/>), when
/// it changed, and the member whose edit it was (<c>system/datatype/id</c>).
/// </summary>
public sealed record GoldenValue(CanonicalValue? Value, DateTimeOffset ChangedAt, string By);

/// <summary>A cluster's golden record: for each global property, its value, when it changed and by whom.</summary>
public sealed class GoldenRecord
{
    private readonly Dictionary<string, GoldenValue> _values;

    private GoldenRecord(Dictionary<string, GoldenValue> values) => _values = values;

    /// <summary>An empty golden record.</summary>
    public static GoldenRecord Empty() => new(new(StringComparer.Ordinal));

    /// <summary>The values by property.</summary>
    public IReadOnlyDictionary<string, GoldenValue> Values => _values;

    /// <summary>The plain values by property.</summary>
    public IReadOnlyDictionary<string, CanonicalValue?> Plain => _values.ToDictionary(v => v.Key, v => v.Value.Value, StringComparer.Ordinal);

    /// <summary>The property's value, or null when the cluster knows nothing of it.</summary>
    public GoldenValue? this[string property] => _values.GetValueOrDefault(property);

    /// <summary>Sets a property.</summary>
    public void Set(string property, GoldenValue value) => _values[property] = value;

    /// <summary>Reads the store's JSON form; unreadable entries are left out.</summary>
    public static GoldenRecord Parse(string? json, GlobalType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var record = Empty();
        if (ValuesJson.Parse(json) is not { } root)
        {
            return record;
        }

        foreach (var (name, node) in root)
        {
            if (type.Property(name) is not { } property || node is not JsonObject entry
                || CanonicalJson.FromJson(entry["v"], property.Kind, name) is not { IsOk: true } value
                || !DateTimeOffset.TryParse((string?)entry["at"], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
            {
                continue;
            }

            record._values[name] = new GoldenValue(value.Value, at, (string?)entry["by"] ?? "");
        }

        return record;
    }

    /// <summary>The store's JSON form: <c>{"property": {"v": value, "at": time, "by": member}}</c>, properties in ordinal order.</summary>
    public string ToJson()
    {
        var root = new JsonObject();
        foreach (var (name, value) in _values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            root[name] = new JsonObject
            {
                ["v"] = CanonicalJson.ToJson(value.Value),
                ["at"] = ValuesJson.Time(value.ChangedAt),
                ["by"] = value.By,
            };
        }

        return root.ToJsonString();
    }
}
