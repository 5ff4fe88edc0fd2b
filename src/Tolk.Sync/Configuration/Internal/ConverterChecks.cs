using Tolk.Sync.Conversion;
using Tolk.Sync.Conversion.Named;

namespace Tolk.Sync.Configuration.Internal;

/// <summary>Checks a mapping entry that names a converter against the converter's signature.</summary>
internal static class ConverterChecks
{
    private static readonly string[] FormatKeys = ["values", "target", "by", "id", "zone", "time", "places"];

    public static (IReadOnlyList<DataKind>, FieldFormat?)? Check(
        YamlMap entry, string name, List<FieldPath> paths, List<GlobalProperty> properties, MappingDirection direction, SharedModel model, string subject)
    {
        if (NamedConverters.Find(name) is not { } converter)
        {
            entry.Errors.Add(entry.At("converter"), subject, $"unknown converter '{name}' (known: {string.Join(", ", NamedConverters.Names)})");
            return null;
        }

        var signature = converter.Signature;
        var declared = PropertyMappingReader.FieldKind(entry, subject, required: false);
        var fieldCountOk = signature.Variadic ? paths.Count >= signature.Fields.Length : paths.Count == signature.Fields.Length;
        if (!fieldCountOk || properties.Count != signature.Properties.Length)
        {
            var fields = signature.Variadic ? $"{signature.Fields.Length} or more" : $"{signature.Fields.Length}";
            entry.Errors.Add(entry.Location, subject, $"'{name}' joins {fields} field(s) to {signature.Properties.Length} propert(ies)");
            return null;
        }

        if (signature.Fields.Concat(signature.Properties).Any(k => k is null) && declared is null)
        {
            entry.Errors.Add(entry.Location, subject, $"'{name}' needs the fields' 'type'");
            return null;
        }

        var kinds = Enumerable.Range(0, paths.Count).Select(i => signature.Fields[Math.Min(i, signature.Fields.Length - 1)] ?? declared!.Value).ToList();
        var errors = entry.Errors.Count;
        if (declared is { } d && kinds.Any(k => k != d))
        {
            entry.Errors.Add(entry.At("type"), subject, $"type mismatch: '{name}' reads {string.Join(", ", kinds.Select(k => k.Name()))} fields, not {d.Name()}");
        }

        for (var i = 0; i < properties.Count; i++)
        {
            var wanted = signature.Properties[i] ?? declared!.Value;
            if (properties[i].Kind != wanted)
            {
                entry.Errors.Add(entry.Location, $"{subject}", $"type mismatch: '{name}' carries a {wanted.Name()}, and {properties[i].Name} is a {properties[i].Kind.Name()}");
            }
            else if (signature.EnumValues?.Except(properties[i].EnumValues).ToList() is { Count: > 0 } missing)
            {
                entry.Errors.Add(entry.Location, subject, $"'{name}' needs {properties[i].Name} to have the values {string.Join(", ", missing)}");
            }
        }

        if (signature.WriteOnly && direction != MappingDirection.WriteOnly)
        {
            entry.Errors.Add(entry.Location, subject, $"'{name}' cannot be read back: the entry needs 'direction: write_only'");
        }

        foreach (var key in FormatKeys.Where(k => declared is null && entry.Has(k)))
        {
            entry.Errors.Add(entry.At(key), subject, $"'{key}' applies only to an entry with a 'type'");
        }

        var format = declared is { } kind ? FieldFormatReader.Read(entry, kind, properties[0], model, subject) : null;
        return entry.Errors.Count == errors ? (kinds, format) : null;
    }
}
