using Tolk.Sync.Conversion;

namespace Tolk.Sync.Configuration.Internal;

/// <summary>Reads one datatype mapping (a datatype's primary mapping or one of its roles) and checks its coverage.</summary>
internal static class MappingReader
{
    public static DatatypeMapping? Read(YamlMap map, string system, string datatype, string? role, SourceLocation location, SharedModel model)
    {
        var key = role is null ? $"{system}.{datatype}" : $"{system}.{datatype}:{role}";
        var typeName = map.Scalar("type", key, required: true);
        if (typeName is null)
        {
            return null;
        }

        if (model.Find(typeName) is not { } type)
        {
            map.Errors.Add(map.At("type"), key, $"unknown global type '{typeName}' (expected one of: {string.Join(", ", model.Types.Select(t => t.Name))})");
            return null;
        }

        var properties = new List<PropertyMapping>();
        var broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in map.Sequence("properties", key) ?? [])
        {
            if (map.AsMap(item, key) is not { } entry)
            {
                continue;
            }

            if (PropertyMappingReader.Read(entry, key, type, model, out var named) is { } property)
            {
                properties.Add(property);
            }
            else
            {
                broken.UnionWith(named);
            }
        }

        var mapping = new DatatypeMapping(system, datatype, role, type.Name, location)
        {
            Properties = properties,
            Dropped = ReadDropped(map, key, type),
            When = ReadWhen(map, key),
        };
        CheckCoverage(mapping, type, map, broken);
        return mapping;
    }

    private static Discriminator? ReadWhen(YamlMap map, string key)
    {
        if (map.Map("when", key) is not { } when)
        {
            return null;
        }

        when.CheckKeys(key, "field", "equals");
        var field = when.Scalar("field", key, required: true);
        var value = when.Scalar("equals", key, required: true);
        if (field is not null && FieldPath.TryParse(field) is null)
        {
            when.Errors.Add(when.At("field"), key, $"'{field}' is not a field path");
        }

        return field is not null && value is not null && FieldPath.TryParse(field) is { } path ? new Discriminator(path, value, when.Location) : null;
    }

    private static List<DroppedProperty> ReadDropped(YamlMap map, string key, GlobalType type)
    {
        var dropped = new List<DroppedProperty>();
        foreach (var item in map.Sequence("dropped", key) ?? [])
        {
            if (map.AsMap(item, key) is not { } entry)
            {
                continue;
            }

            entry.CheckKeys(key, "property", "properties", "reason");
            var reason = entry.Scalar("reason", key, required: true) ?? "";
            var names = entry.Strings(entry.Has("properties") ? "properties" : "property", key) ?? [];
            if (names.Count == 0)
            {
                entry.Errors.Add(entry.Location, key, "a dropped row needs 'property' or 'properties'");
            }

            foreach (var (name, at) in names)
            {
                if (type.Property(name) is null)
                {
                    entry.Errors.Add(at, $"{key} → {name}", $"unknown property '{name}': {type.Name} has {string.Join(", ", type.Properties.Select(p => p.Name))}");
                }
                else
                {
                    dropped.Add(new DroppedProperty(name, reason, at));
                }
            }
        }

        return dropped;
    }

    // Every global property is mapped, derived through mapped properties, or dropped with a reason, and never two of
    // these; a property is read by at most one entry (else which one would win?). Properties of entries that already
    // failed are not reported again.
    private static void CheckCoverage(DatatypeMapping mapping, GlobalType type, YamlMap map, HashSet<string> broken)
    {
        foreach (var property in type.Properties.Where(p => !broken.Contains(p.Name)))
        {
            var subject = $"{mapping.Key} → {property.Name}";
            var mapped = mapping.MappingsOf(property.Name).Any();
            var dropped = mapping.Dropped.Where(d => d.Property == property.Name).ToList();
            var derived = IsDerivable(mapping, type, property);
            if (mapping.MappingsOf(property.Name).Count(p => p.Reads) > 1)
            {
                map.Errors.Add(mapping.MappingsOf(property.Name).Last(p => p.Reads).Location, subject, $"{property.Name} is read by more than one entry");
            }

            if (dropped.Count > 0 && (mapped || derived))
            {
                map.Errors.Add(dropped[0].Location, subject, $"{property.Name} is dropped, but it is {(mapped ? "mapped" : "derived from mapped properties")}");
            }
            else if (dropped.Count > 1)
            {
                map.Errors.Add(dropped[1].Location, subject, $"{property.Name} is dropped twice");
            }
            else if (dropped.Count == 0 && !mapped && !derived)
            {
                map.Errors.Add(mapping.Location, subject, $"{property.Name} is neither mapped nor dropped: map it, or list it under 'dropped' with the reason");
            }
        }
    }

    private static bool IsDerivable(DatatypeMapping mapping, GlobalType type, GlobalProperty property) =>
        (property.Derived is { } own && own.From.All(from => mapping.MappingsOf(from).Any()))
        || type.DerivedProperties.Any(d => d.Derived!.From.Contains(property.Name) && mapping.MappingsOf(d.Name).Any());
}
