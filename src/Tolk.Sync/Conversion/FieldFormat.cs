namespace Tolk.Sync.Conversion;

/// <summary>How a system field holds its value: its kind and what its conversion needs.</summary>
/// <param name="Kind">The field's type as the API gives it.</param>
public sealed record FieldFormat(DataKind Kind)
{
    /// <summary>For an enum field: the system's values and their global counterparts.</summary>
    public EnumMap? Enum { get; init; }

    /// <summary>For a reference field: what the id refers to.</summary>
    public ReferenceFormat? Reference { get; init; }

    /// <summary>For a date-time field: the zone its local times and offsets belong to (null: UTC).</summary>
    public TimeZoneInfo? Zone { get; init; }

    /// <summary>For a date-time field that carries a date: the local time of day written with the date.</summary>
    public TimeOnly Time { get; init; }

    /// <summary>For a decimal field: the number of decimal places the system keeps (null: any).</summary>
    public int? Places { get; init; }
}

/// <summary>What a reference field holds.</summary>
/// <param name="Type">The global type of the referenced record.</param>
/// <param name="By">Null when the field holds the record's id; else the property of the referenced type it holds.</param>
/// <param name="IntegerIds">Whether the system writes the id as a JSON number.</param>
public sealed record ReferenceFormat(string Type, string? By, bool IntegerIds);

/// <summary>A one-to-one map between a system's enum values and the global enum's values.</summary>
public sealed class EnumMap
{
    private readonly Dictionary<string, string> toGlobal;
    private readonly Dictionary<string, string> toSystem;

    /// <summary>Creates the map from (system value, global value) pairs, which must be one-to-one.</summary>
    public EnumMap(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        Pairs = [.. pairs];
        toGlobal = Pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        toSystem = Pairs.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    /// <summary>The (system value, global value) pairs in configuration order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    /// <summary>The global value for a system value.</summary>
    public bool TryToGlobal(string systemValue, out string globalValue) => toGlobal.TryGetValue(systemValue, out globalValue!);

    /// <summary>The system value for a global value.</summary>
    public bool TryToSystem(string globalValue, out string systemValue) => toSystem.TryGetValue(globalValue, out systemValue!);
}
