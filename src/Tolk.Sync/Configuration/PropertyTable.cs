namespace Tolk.Sync.Configuration;

/// <summary>A flow's property table: the join of its two datatype mappings on the global properties.</summary>
/// <param name="Rows">The synchronized properties, in the global type's order.</param>
/// <param name="Dropped">Properties one side maps and the other cannot carry, with the reason.</param>
public sealed record PropertyTable(IReadOnlyList<PropertyRow> Rows, IReadOnlyList<DroppedRow> Dropped);

/// <summary>One synchronized property: the source's and the target's mappings that carry it.</summary>
/// <param name="Property">The global property.</param>
/// <param name="Source">The source datatype's mappings for it (or for the properties it is derived from).</param>
/// <param name="Target">The target datatype's mappings for it (or for the properties it is derived from).</param>
/// <param name="Derivation">The derivation that joins the two sides, when one side maps only its sources.</param>
public sealed record PropertyRow(string Property, IReadOnlyList<PropertyMapping> Source, IReadOnlyList<PropertyMapping> Target, string? Derivation = null);

/// <summary>A property one side of a flow maps and the other side drops.</summary>
/// <param name="Property">The global property.</param>
/// <param name="MappedBy">The mapping that carries it.</param>
/// <param name="DroppedBy">The mapping that cannot.</param>
/// <param name="Reason">Why (from the mapping file).</param>
public sealed record DroppedRow(string Property, DatatypeMapping MappedBy, DatatypeMapping DroppedBy, string Reason);
