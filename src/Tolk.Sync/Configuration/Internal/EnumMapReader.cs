using Tolk.Sync.Conversion;

namespace Tolk.Sync.Configuration.Internal;

/// <summary>
/// Reads an enum field's <c>values</c> (system value: global value) and checks that it is one-to-one and complete:
/// every value on either side has exactly one counterpart, so neither direction ever needs a silent default.
/// </summary>
internal static class EnumMapReader
{
    public static EnumMap? Read(YamlMap entry, GlobalProperty property, string subject)
    {
        if (property.Kind != DataKind.Enum)
        {
            return null;
        }

        if (entry.Map("values", subject) is not { } values)
        {
            entry.Errors.Add(entry.Location, subject, $"an enum field needs 'values', mapping each of its values to one of {property.Name}'s ({string.Join(", ", property.EnumValues)})");
            return null;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (systemValue, node, location) in values.Entries)
        {
            var global = node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
            if (global is null || !property.EnumValues.Contains(global))
            {
                entry.Errors.Add(location, subject, $"the enum value '{systemValue}' has no counterpart: '{global}' is not a value of {property.Name} ({string.Join(", ", property.EnumValues)})");
            }
            else if (pairs.Any(p => p.Value == global))
            {
                entry.Errors.Add(location, subject, $"the enum values '{pairs.First(p => p.Value == global).Key}' and '{systemValue}' both map to '{global}': the way back would be ambiguous");
            }
            else
            {
                pairs.Add(new(systemValue, global));
            }
        }

        foreach (var missing in property.EnumValues.Where(v => pairs.All(p => p.Value != v)))
        {
            entry.Errors.Add(values.Location, subject, $"the value '{missing}' of {property.Name} has no counterpart in this system's enum");
        }

        return new EnumMap(pairs);
    }
}
