using System.Diagnostics.CodeAnalysis;

namespace Tolk.Sync.Conversion;

/// <summary>The types a field or a shared-model property can have.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The kinds are the configuration's type names (string, integer, decimal).")]
public enum DataKind
{
    /// <summary>Text.</summary>
    String,

    /// <summary>A whole number (64-bit).</summary>
    Integer,

    /// <summary>An exact decimal number.</summary>
    Decimal,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A calendar date without a time or zone.</summary>
    Date,

    /// <summary>An instant: a date and time with a UTC offset.</summary>
    DateTime,

    /// <summary>One of a fixed list of values.</summary>
    Enum,

    /// <summary>A reference to a record of a global type.</summary>
    Reference,
}

/// <summary>The names used for <see cref="DataKind"/> in the YAML configuration.</summary>
public static class DataKinds
{
    private static readonly Dictionary<string, DataKind> ByName = new(StringComparer.Ordinal)
    {
        ["string"] = DataKind.String,
        ["integer"] = DataKind.Integer,
        ["decimal"] = DataKind.Decimal,
        ["boolean"] = DataKind.Boolean,
        ["date"] = DataKind.Date,
        ["datetime"] = DataKind.DateTime,
        ["enum"] = DataKind.Enum,
        ["reference"] = DataKind.Reference,
    };

    /// <summary>Every configuration name, in declaration order.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>Parses a configuration name (lowercase, as in model.yaml).</summary>
    public static bool TryParse(string name, out DataKind kind) => ByName.TryGetValue(name, out kind);

    /// <summary>The configuration name of a kind.</summary>
    public static string Name(this DataKind kind) => ByName.First(pair => pair.Value == kind).Key;
}
