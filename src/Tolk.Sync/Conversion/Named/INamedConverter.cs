using System.Text.Json.Nodes;

namespace Tolk.Sync.Conversion.Named;

/// <summary>
/// A conversion between system fields and global properties that is not one field ↔ one property. Mapping files
/// name it (<c>converter: asana_project_status</c>); it is implemented here together with its inverse.
/// </summary>
internal interface INamedConverter
{
    /// <summary>The name mapping files use.</summary>
    string Name { get; }

    /// <summary>What it does, in one line (for the generated documentation).</summary>
    string Summary { get; }

    /// <summary>The kinds of fields and properties it joins, checked when the configuration loads.</summary>
    ConverterSignature Signature { get; }

    /// <summary>
    /// The properties' values for the fields' values. <paramref name="current"/> holds the properties' current shared
    /// values (the golden record), which a lossy converter keeps where the fields cannot tell them apart.
    /// </summary>
    Converted<CanonicalValue?[]> Read(ConverterContext context, IReadOnlyList<JsonNode?> fields, IReadOnlyList<CanonicalValue?> current);

    /// <summary>
    /// The fields to write for the properties' values; a field left out is not written. <paramref name="currentFields"/>
    /// holds the record's current field values (null when absent or when the record is new).
    /// </summary>
    Converted<FieldAssignment[]> Write(ConverterContext context, IReadOnlyList<CanonicalValue?> values, IReadOnlyList<JsonNode?> currentFields);
}

/// <summary>The kinds a named converter joins. A null kind is the one the mapping declares with <c>type</c>.</summary>
/// <param name="Fields">The kind of each field, in order.</param>
/// <param name="Properties">The kind of each global property, in order.</param>
/// <param name="Variadic">Whether the last field kind repeats (two or more fields).</param>
/// <param name="WriteOnly">Whether it only writes (its fields are never read back).</param>
/// <param name="EnumValues">Global enum values the property must offer.</param>
internal sealed record ConverterSignature(DataKind?[] Fields, DataKind?[] Properties, bool Variadic = false, bool WriteOnly = false, string[]? EnumValues = null);

/// <summary>What a converter is applied to: for error messages and for the mapping's declared format.</summary>
/// <param name="Fields">The mapping's fields.</param>
/// <param name="Properties">The mapping's global properties.</param>
/// <param name="Format">The mapping's declared field format, for converters whose kinds it declares.</param>
internal sealed record ConverterContext(IReadOnlyList<FieldPath> Fields, IReadOnlyList<string> Properties, FieldFormat? Format);

/// <summary>One field value a converter writes.</summary>
/// <param name="Field">The index of the field in the mapping.</param>
/// <param name="Value">The value (null: JSON null).</param>
internal readonly record struct FieldAssignment(int Field, JsonNode? Value);
