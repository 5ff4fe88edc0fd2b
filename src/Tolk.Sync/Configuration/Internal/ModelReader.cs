using Tolk.Sync.Conversion;
using Tolk.Sync.Conversion.Named;
using YamlDotNet.RepresentationModel;

namespace Tolk.Sync.Configuration.Internal;

/// <summary>Reads and validates model.yaml.</summary>
internal static class ModelReader
{
    public static SharedModel Read(YamlMap file)
    {
        file.CheckKeys("model", "types");
        var types = new List<GlobalType>();
        foreach (var (name, value, location) in file.Map("types", "model", required: true)?.Entries ?? [])
        {
            if (file.AsMap(value, name) is { } map)
            {
                types.Add(ReadType(name, map, location));
            }
        }

        var model = new SharedModel(types);
        foreach (var type in types)
        {
            CheckType(type, model, file.Errors);
        }

        return model;
    }

    private static GlobalType ReadType(string name, YamlMap map, SourceLocation location)
    {
        map.CheckKeys(name, "properties", "merge");
        var properties = new List<GlobalProperty>();
        foreach (var (propertyName, value, at) in map.Map("properties", name, required: true)?.Entries ?? [])
        {
            if (ReadProperty($"{name}.{propertyName}", propertyName, value, at, map) is { } property)
            {
                properties.Add(property);
            }
        }

        var merge = MergeKeyReader.Read(map, name, key => properties.Any(p => p.Name == key) ? null : $"the merge key '{key}' is not a property of {name}") ?? [];
        return new GlobalType(name, properties, merge, location);
    }

    private static GlobalProperty? ReadProperty(string subject, string name, YamlNode value, SourceLocation at, YamlMap parent)
    {
        if (value is YamlScalarNode { Value: { } shorthand })
        {
            return Kind(shorthand, subject, parent.At(value), parent.Errors) is { } kind ? new GlobalProperty(name, kind, at) : null;
        }

        if (parent.AsMap(value, subject) is not { } map)
        {
            return null;
        }

        map.CheckKeys(subject, "type", "values", "target", "derived");
        if (map.Scalar("type", subject, required: true) is not { } typeName || Kind(typeName, subject, map.At("type"), map.Errors) is not { } type)
        {
            return null;
        }

        var values = map.Strings("values", subject);
        if ((type == DataKind.Enum) != (values is not null))
        {
            map.Errors.Add(map.At(type == DataKind.Enum ? "type" : "values"), subject, type == DataKind.Enum ? "an enum needs 'values'" : "only an enum has 'values'");
        }

        var target = map.Scalar("target", subject);
        if ((type == DataKind.Reference) != (target is not null))
        {
            map.Errors.Add(map.At(type == DataKind.Reference ? "type" : "target"), subject, type == DataKind.Reference ? "a reference needs a 'target' global type" : "only a reference has a 'target'");
        }

        Derivation? derived = null;
        if (map.Map("derived", subject) is { } derivedMap)
        {
            derivedMap.CheckKeys(subject, "converter", "from");
            derived = new Derivation(derivedMap.Scalar("converter", subject, required: true) ?? "", [.. (derivedMap.Strings("from", subject) ?? []).Select(f => f.Text)]);
        }

        return new GlobalProperty(name, type, at) { EnumValues = [.. (values ?? []).Select(v => v.Text)], Target = target, Derived = derived };
    }

    private static DataKind? Kind(string name, string subject, SourceLocation at, ErrorSink errors)
    {
        if (DataKinds.TryParse(name, out var kind))
        {
            return kind;
        }

        errors.Add(at, subject, $"unknown type '{name}' (expected one of: {string.Join(", ", DataKinds.Names)})");
        return null;
    }

    private static void CheckType(GlobalType type, SharedModel model, ErrorSink errors)
    {
        foreach (var property in type.Properties)
        {
            var subject = $"{type.Name}.{property.Name}";
            if (property.Target is { } target && model.Find(target) is null)
            {
                errors.Add(property.Location, subject, $"the reference target '{target}' is not a global type");
            }

            if (property.EnumValues.Distinct().Count() != property.EnumValues.Count)
            {
                errors.Add(property.Location, subject, "an enum value is listed twice");
            }

            if (property.Derived is { } derived)
            {
                CheckDerivation(type, property, derived, subject, errors);
            }
        }
    }

    private static void CheckDerivation(GlobalType type, GlobalProperty property, Derivation derived, string subject, ErrorSink errors)
    {
        if (Derivations.Find(derived.Converter) is not { } derivation)
        {
            errors.Add(property.Location, subject, $"unknown derivation '{derived.Converter}' (known: {string.Join(", ", Derivations.Names)})");
            return;
        }

        var sources = derived.From.Select(type.Property).ToList();
        if (sources.Any(s => s is null))
        {
            errors.Add(property.Location, subject, $"a property it is derived from is not a property of {type.Name}");
        }
        else if (property.Kind != derivation.Derived || !sources.Select(s => s!.Kind).SequenceEqual(derivation.Sources))
        {
            errors.Add(property.Location, subject, $"type mismatch: '{derivation.Name}' derives a {derivation.Derived.Name()} from ({string.Join(", ", derivation.Sources.Select(k => k.Name()))})");
        }
    }
}
