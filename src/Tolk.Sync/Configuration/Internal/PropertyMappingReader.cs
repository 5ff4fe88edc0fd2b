using Tolk.Sync.Conversion;
using Tolk.Sync.Conversion.Named;

namespace Tolk.Sync.Configuration.Internal;

/// <summary>Reads and validates one entry of a datatype mapping's <c>properties</c>.</summary>
internal static class PropertyMappingReader
{
    private static readonly string[] Keys =
        ["field", "fields", "property", "properties", "type", "direction", "insert_only", "converter", "values", "target", "by", "id", "zone", "time", "places"];

    private static readonly Dictionary<string, MappingDirection> Directions = new(StringComparer.Ordinal)
    {
        ["both"] = MappingDirection.Both,
        ["read_only"] = MappingDirection.ReadOnly,
        ["write_only"] = MappingDirection.WriteOnly,
    };

    /// <summary>The entry's mapping, or null after an error; <paramref name="named"/> gets the properties it names either way.</summary>
    public static PropertyMapping? Read(YamlMap entry, string mappingKey, GlobalType type, SharedModel model, out IReadOnlyList<string> named)
    {
        var fields = OneOf(entry, mappingKey, "field", "fields");
        var names = OneOf(entry, mappingKey, "property", "properties");
        named = [.. names.Select(n => n.Text)];
        var subject = $"{mappingKey} → {string.Join(", ", names.Select(n => n.Text))}";
        entry.CheckKeys(subject, Keys);

        var paths = new List<FieldPath>();
        foreach (var (text, at) in fields)
        {
            if (FieldPath.TryParse(text) is { } path)
            {
                paths.Add(path);
            }
            else
            {
                entry.Errors.Add(at, subject, $"'{text}' is not a field path (names joined by dots, [n] for a list element)");
            }
        }

        var properties = new List<GlobalProperty>();
        foreach (var (name, at) in names)
        {
            if (type.Property(name) is { } property)
            {
                properties.Add(property);
            }
            else
            {
                entry.Errors.Add(at, $"{mappingKey} → {name}", $"unknown property '{name}': {type.Name} has {string.Join(", ", type.Properties.Select(p => p.Name))}");
            }
        }

        var direction = Direction(entry, subject);
        var insertOnly = entry.Bool("insert_only", subject) ?? false;
        if (insertOnly && direction == MappingDirection.ReadOnly)
        {
            entry.Errors.Add(entry.At("insert_only"), subject, "a read-only field is never written, not even on insert");
        }

        if (paths.Count != fields.Count || properties.Count != names.Count || paths.Count == 0 || properties.Count == 0)
        {
            return null;
        }

        var converter = entry.Scalar("converter", subject);
        var typed = converter is null
            ? Direct(entry, paths, properties, model, subject)
            : ConverterChecks.Check(entry, converter, paths, properties, direction, model, subject);
        if (typed is not var (kinds, format))
        {
            return null;
        }

        return new PropertyMapping(paths, [.. properties.Select(p => p.Name)], kinds, entry.Location)
        {
            Format = format,
            Converter = converter,
            Direction = direction,
            InsertOnly = insertOnly,
            TargetDatatype = format?.Reference is { By: null } ? entry.Scalar("target", subject) : null,
        };
    }

    private static (IReadOnlyList<DataKind>, FieldFormat?)? Direct(YamlMap entry, List<FieldPath> paths, List<GlobalProperty> properties, SharedModel model, string subject)
    {
        if (paths.Count != 1 || properties.Count != 1)
        {
            entry.Errors.Add(entry.Location, subject, "several fields or properties need a 'converter'");
            return null;
        }

        var property = properties[0];
        if (FieldKind(entry, subject, required: true) is not { } kind)
        {
            return null;
        }

        var compatible = kind == property.Kind || (kind == DataKind.DateTime && property.Kind == DataKind.Date);
        if (!compatible)
        {
            entry.Errors.Add(entry.At("type"), subject, $"type mismatch: a {kind.Name()} field cannot carry {property.Name} ({property.Kind.Name()})");
            return null;
        }

        return FieldFormatReader.Read(entry, kind, property, model, subject) is { } format ? ([kind], format) : null;
    }

    public static DataKind? FieldKind(YamlMap entry, string subject, bool required)
    {
        var name = entry.Scalar("type", subject, required);
        if (name is null)
        {
            return null;
        }

        if (DataKinds.TryParse(name, out var kind))
        {
            return kind;
        }

        entry.Errors.Add(entry.At("type"), subject, $"unknown type '{name}' (expected one of: {string.Join(", ", DataKinds.Names)})");
        return null;
    }

    private static MappingDirection Direction(YamlMap entry, string subject)
    {
        var name = entry.Scalar("direction", subject) ?? "both";
        if (Directions.TryGetValue(name, out var direction))
        {
            return direction;
        }

        entry.Errors.Add(entry.At("direction"), subject, $"unknown direction '{name}' (expected one of: {string.Join(", ", Directions.Keys)})");
        return MappingDirection.Both;
    }

    private static IReadOnlyList<(string Text, SourceLocation Location)> OneOf(YamlMap entry, string subject, string single, string plural)
    {
        if (entry.Has(single) == entry.Has(plural))
        {
            entry.Errors.Add(entry.Location, subject, $"an entry needs exactly one of '{single}' and '{plural}'");
            return [];
        }

        return entry.Strings(entry.Has(single) ? single : plural, subject) ?? [];
    }
}
