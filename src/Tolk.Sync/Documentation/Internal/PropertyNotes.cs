using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion.Named;

namespace Tolk.Sync.Documentation.Internal;

/// <summary>
/// The notes under a flow's property table: how rows that are not one field ↔ one field convert, which fields flow
/// one way only, and which properties are not synchronized and why (the mappings' <c>dropped</c> reasons).
/// </summary>
internal static class PropertyNotes
{
    /// <summary>One line per derivation, converter, read-only, write-only or insert-only mapping in the table.</summary>
    public static List<string> Conversions(ResolvedFlow flow)
    {
        var notes = new List<string>();
        var seen = new HashSet<PropertyMapping>(ReferenceEqualityComparer.Instance);
        foreach (var row in flow.Table.Rows)
        {
            if (row.Derivation is { } derivation)
            {
                notes.Add(Derived(flow, row, derivation));
            }

            foreach (var (mapping, side, other) in row.Source.Select(m => (m, flow.Source, flow.Target))
                .Concat(row.Target.Select(m => (m, flow.Target, flow.Source))))
            {
                if (seen.Add(mapping) && Note(mapping, side, other) is { } note)
                {
                    notes.Add(note);
                }
            }
        }

        return notes;
    }

    /// <summary>One line per group of properties one side maps and the other cannot carry, with the reason.</summary>
    public static List<string> Dropped(ResolvedFlow flow) =>
    [
        .. flow.Table.Dropped
            .GroupBy(d => (d.MappedBy, d.DroppedBy, d.Reason))
            .Select(g => $"{DisplayNames.Of(g.Key.MappedBy)} {PropertyCells.Fields(g.SelectMany(d => g.Key.MappedBy.MappingsOf(d.Property)))}: "
                + RstWriter.Escape(g.Key.Reason)),
    ];

    private static string Derived(ResolvedFlow flow, PropertyRow row, string derivation)
    {
        var sourceHasIt = row.Source.Any(m => m.Properties.Contains(row.Property));
        var (whole, wholeMappings, parts, partMappings) = sourceHasIt
            ? (flow.Source, row.Source, flow.Target, row.Target)
            : (flow.Target, row.Target, flow.Source, row.Source);
        var from = string.Join(", ", partMappings.SelectMany(m => m.Properties).Distinct().Select(RstWriter.Literal));
        return $"{RstWriter.Literal(row.Property)} is derived from {from}: {DisplayNames.Of(whole)} has it in {PropertyCells.Fields(wholeMappings)}, "
            + $"{DisplayNames.Of(parts)} has the parts in {PropertyCells.Fields(partMappings)}, and Tolk converts between them both ways "
            + $"(derivation {RstWriter.Literal(derivation)}).";
    }

    private static string? Note(PropertyMapping mapping, DatatypeMapping side, DatatypeMapping other)
    {
        var fields = $"{DisplayNames.Of(side)} {PropertyCells.Fields([mapping])}";
        var system = DisplayNames.System(side.System);
        var notes = new List<string>();
        if (mapping.Converter is { } name && NamedConverters.Find(name) is { } converter)
        {
            notes.Add($"{fields} ↔ {string.Join(", ", mapping.Properties.Select(RstWriter.Literal))} (converter {RstWriter.Literal(name)}): "
                + $"{RstWriter.Escape(converter.Summary)}.");
        }

        // A write-only converter's summary already says so.
        var writeOnlyConverter = mapping.Converter is { } n && NamedConverters.Find(n)?.Signature.WriteOnly == true;
        notes.Add(mapping.Direction switch
        {
            MappingDirection.ReadOnly => $"{fields} is read-only in {system}: it flows from {system} to {DisplayNames.System(other.System)} only.",
            MappingDirection.WriteOnly when !writeOnlyConverter => $"{fields} is written to {system} and never read back.",
            _ => "",
        });
        if (mapping.InsertOnly)
        {
            notes.Add($"{fields} is written only when the record is created in {system}, and never changed afterwards.");
        }

        var text = string.Join(" ", notes.Where(n => n.Length > 0));
        return text.Length > 0 ? text : null;
    }
}
