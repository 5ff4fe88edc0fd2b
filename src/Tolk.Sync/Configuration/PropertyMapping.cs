using Tolk.Sync.Conversion;

namespace Tolk.Sync.Configuration;

/// <summary>Which way a mapped property flows.</summary>
public enum MappingDirection
{
    /// <summary>Read from the system and written to it.</summary>
    Both,

    /// <summary>Read from the system, never written (the field is read-only there).</summary>
    ReadOnly,

    /// <summary>Written to the system, never read back (a field derived for the system's sake).</summary>
    WriteOnly,
}

/// <summary>One entry of a datatype mapping: system fields joined to global properties.</summary>
/// <param name="Fields">The system fields, as paths into the record the connector delivers.</param>
/// <param name="Properties">The global properties.</param>
/// <param name="FieldKinds">The type of each field (declared, or given by the converter).</param>
/// <param name="Location">Where the entry is declared.</param>
public sealed record PropertyMapping(IReadOnlyList<FieldPath> Fields, IReadOnlyList<string> Properties, IReadOnlyList<DataKind> FieldKinds, SourceLocation Location)
{
    /// <summary>How the field holds its value; null for a converter with no declared <c>type</c>.</summary>
    public FieldFormat? Format { get; init; }

    /// <summary>The named converter, for anything but one field ↔ one property.</summary>
    public string? Converter { get; init; }

    /// <summary>Which way the property flows.</summary>
    public MappingDirection Direction { get; init; }

    /// <summary>Whether the fields are written only when the record is created (a key the API cannot change).</summary>
    public bool InsertOnly { get; init; }

    /// <summary>For a reference by id: the datatype, in the same system, whose id the field holds.</summary>
    public string? TargetDatatype { get; init; }

    /// <summary>Whether the property is read from the system.</summary>
    public bool Reads => Direction != MappingDirection.WriteOnly;

    /// <summary>Whether the fields are written to the system (on update unless <see cref="InsertOnly"/>).</summary>
    public bool Writes => Direction != MappingDirection.ReadOnly;

    /// <summary>The fields as the configuration names them, joined with commas.</summary>
    public string FieldNames => string.Join(", ", Fields.Select(f => f.Text));
}
