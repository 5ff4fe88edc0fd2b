using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;

namespace Tolk.Sync.Documentation.Internal;

/// <summary>The cells of a property table: field names as configured, and the target fields' data type.</summary>
internal static class PropertyCells
{
    /// <summary>The fields of one side's mappings, as the configuration names them, joined with commas.</summary>
    public static string Fields(IEnumerable<PropertyMapping> mappings) =>
        RstWriter.Escape(string.Join(", ", mappings.SelectMany(m => m.Fields).Select(f => f.Text).Distinct()));

    /// <summary>The data type of one side's fields: one entry per distinct type.</summary>
    public static string DataType(IEnumerable<PropertyMapping> mappings) =>
        RstWriter.Escape(string.Join(", ", mappings.SelectMany(TypesOf).Distinct()));

    private static IEnumerable<string> TypesOf(PropertyMapping mapping) =>
        mapping.Format is { } format ? [Describe(format, mapping)] : mapping.FieldKinds.Select(k => k.Name());

    private static string Describe(FieldFormat format, PropertyMapping mapping) => format switch
    {
        { Kind: DataKind.Enum, Enum: { } map } => $"enum ({string.Join(", ", map.Pairs.Select(p => p.Key))})",
        { Kind: DataKind.Reference, Reference: { By: { } by } reference } => $"reference to {reference.Type} by {by}",
        { Kind: DataKind.Reference, Reference: { } reference } =>
            $"reference to {mapping.TargetDatatype ?? reference.Type}{(reference.IntegerIds ? " (integer id)" : "")}",
        { Kind: DataKind.DateTime, Zone: { } zone } => $"datetime ({zone.Id})",
        { Kind: DataKind.Decimal, Places: { } places } => $"decimal ({places} places)",
        _ => format.Kind.Name(),
    };
}
