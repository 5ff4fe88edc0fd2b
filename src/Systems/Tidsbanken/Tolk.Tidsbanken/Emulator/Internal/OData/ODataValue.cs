using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Tidsbanken.Emulator.Internal.OData;

/// <summary>A typed primitive value, read from a stored entity or a filter literal, that compares the OData way.</summary>
internal readonly record struct ODataValue(EdmKind Kind, object? Raw)
{
    public static readonly ODataValue Null = new(EdmKind.Null, null);

    public bool IsNull => Raw is null;

    /// <summary>Reads a stored JSON value as <paramref name="kind"/>; values stored by the emulator always fit their field.</summary>
    public static ODataValue FromJson(JsonNode? node, EdmKind kind)
    {
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return new ODataValue(kind, null);
        }
        return kind switch
        {
            EdmKind.String => new(kind, node.GetValue<string>()),
            EdmKind.Int32 => new(kind, (decimal)node.GetValue<int>()),
            EdmKind.Boolean => new(kind, node.GetValue<bool>()),
            EdmKind.Date => new(kind, DateOnly.ParseExact(node.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            EdmKind.DateTimeOffset => new(kind, DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"no stored values of kind {kind}"),
        };
    }

    /// <summary>Orders two values of compatible kinds; nulls sort first, as SQL Server does.</summary>
    public static int Compare(ODataValue a, ODataValue b)
    {
        if (a.IsNull || b.IsNull)
        {
            return (a.IsNull ? 0 : 1) - (b.IsNull ? 0 : 1);
        }
        return (a.Raw, b.Raw) switch
        {
            // SQL Server's default collation is case-insensitive, so Tidsbanken's string comparisons are too (assumed).
            (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
            (decimal x, decimal y) => x.CompareTo(y),
            (bool x, bool y) => x.CompareTo(y),
            (DateOnly x, DateOnly y) => x.CompareTo(y),
            (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
            _ => throw new InvalidOperationException($"cannot compare {a.Kind} with {b.Kind}; the parser should have refused it"),
        };
    }
}
