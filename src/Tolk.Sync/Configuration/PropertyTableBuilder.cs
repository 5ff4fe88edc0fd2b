namespace Tolk.Sync.Configuration;

/// <summary>Builds a flow's property table from its two mappings (never written by hand: spec/dataflows.md).</summary>
internal static class PropertyTableBuilder
{
    public static PropertyTable Build(GlobalType type, DatatypeMapping source, DatatypeMapping target)
    {
        var rows = new List<PropertyRow>();
        var dropped = new List<DroppedRow>();
        foreach (var property in type.Properties)
        {
            var s = source.MappingsOf(property.Name).ToList();
            var t = target.MappingsOf(property.Name).ToList();
            if (s.Count > 0 && t.Count > 0)
            {
                rows.Add(new PropertyRow(property.Name, s, t));
            }
            else if (property.Derived is { } derived && (s.Count > 0 || t.Count > 0) && ViaSources(derived, s.Count > 0 ? target : source) is { } other)
            {
                rows.Add(s.Count > 0
                    ? new PropertyRow(property.Name, s, other, derived.Converter)
                    : new PropertyRow(property.Name, other, t, derived.Converter));
            }
            else if (IsCoveredByDerivedRow(type, property.Name, source, target))
            {
                continue;
            }
            else if (s.Count > 0 && target.DroppedReason(property.Name) is { } targetDrop)
            {
                dropped.Add(new DroppedRow(property.Name, source, target, targetDrop.Reason));
            }
            else if (t.Count > 0 && source.DroppedReason(property.Name) is { } sourceDrop)
            {
                dropped.Add(new DroppedRow(property.Name, target, source, sourceDrop.Reason));
            }
        }

        return new PropertyTable(rows, dropped);
    }

    // The other side's mappings of every source of the derivation, or null when one of them is not mapped.
    private static List<PropertyMapping>? ViaSources(Derivation derivation, DatatypeMapping other)
    {
        var mappings = derivation.From.Select(from => other.MappingsOf(from).ToList()).ToList();
        return mappings.All(m => m.Count > 0) ? [.. mappings.SelectMany(m => m).Distinct()] : null;
    }

    // A source of a derivation (first_name) that one side has only through the derived property (full_name): the
    // derived property's row already joins them.
    private static bool IsCoveredByDerivedRow(GlobalType type, string property, DatatypeMapping source, DatatypeMapping target) =>
        type.DerivedProperties.Any(d => d.Derived!.From.Contains(property)
            && (source.MappingsOf(d.Name).Any() || target.MappingsOf(d.Name).Any()));
}
