using System.Text.Json.Nodes;
using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion.Named;

namespace Tolk.Sync.Conversion;

/// <summary>A record projected onto the shared model: the properties it says something about, and what failed.</summary>
/// <param name="Values">Canonical values by global property; a property the record did not deliver is absent (unknown).</param>
/// <param name="Errors">Conversions that failed: errors on this record, never replaced by a default.</param>
public sealed record RecordReading(IReadOnlyDictionary<string, CanonicalValue?> Values, IReadOnlyList<ConversionError> Errors)
{
    /// <summary>Whether every mapped field converted.</summary>
    public bool IsOk => Errors.Count == 0;
}

/// <summary>The fields to send to a system for a set of shared-model values, and what failed.</summary>
/// <param name="Fields">The fields as the connector takes them (nested by path): only mapped, writable ones.</param>
/// <param name="Errors">Values that cannot be written to this system.</param>
public sealed record RecordWriting(JsonObject Fields, IReadOnlyList<ConversionError> Errors)
{
    /// <summary>Whether every value converted.</summary>
    public bool IsOk => Errors.Count == 0;
}

/// <summary>
/// Converts one datatype mapping's records to shared-model values and back: the mapping configuration plus type
/// conversion, including named converters and the model's derived properties.
/// </summary>
public sealed partial class RecordMapper
{
    private readonly GlobalType type;

    /// <summary>Creates the mapper for a mapping of a global type.</summary>
    public RecordMapper(DatatypeMapping mapping, GlobalType type)
    {
        Mapping = mapping;
        this.type = type;
    }

    /// <summary>The mapping it applies.</summary>
    public DatatypeMapping Mapping { get; }

    /// <summary>
    /// Projects a record (its properties as the connector delivers them) onto the shared model. A field absent from the
    /// record leaves its property out (unknown); a null field gives no value. <paramref name="current"/> holds the
    /// cluster's current values (its golden record), which lossy converters and derivations keep where they still fit.
    /// </summary>
    public RecordReading Read(JsonObject record, IReadOnlyDictionary<string, CanonicalValue?>? current = null)
    {
        var values = new Dictionary<string, CanonicalValue?>(StringComparer.Ordinal);
        var errors = new List<ConversionError>();
        foreach (var mapping in Mapping.Properties.Where(p => p.Reads))
        {
            var nodes = new JsonNode?[mapping.Fields.Count];
            var present = false;
            for (var i = 0; i < nodes.Length; i++)
            {
                present |= mapping.Fields[i].TryGet(record, out nodes[i]);
            }

            if (present)
            {
                ReadOne(mapping, nodes, current, values, errors);
            }
        }

        Derive(values, current);
        return new RecordReading(values, errors);
    }

    private void ReadOne(PropertyMapping mapping, JsonNode?[] nodes, IReadOnlyDictionary<string, CanonicalValue?>? current, Dictionary<string, CanonicalValue?> values, List<ConversionError> errors)
    {
        if (mapping.Converter is null)
        {
            var property = type.Property(mapping.Properties[0])!;
            var read = ValueReader.Read(nodes[0], mapping.Format!, property.Kind, Label(mapping));
            if (read.IsOk)
            {
                values[property.Name] = read.Value;
            }
            else
            {
                errors.Add(read.Error!);
            }

            return;
        }

        var converted = NamedConverters.Find(mapping.Converter)!.Read(Context(mapping), nodes, [.. mapping.Properties.Select(p => current?.GetValueOrDefault(p))]);
        if (!converted.IsOk)
        {
            errors.Add(converted.Error! with { Property = Label(mapping) });
            return;
        }

        for (var i = 0; i < mapping.Properties.Count; i++)
        {
            values[mapping.Properties[i]] = converted.Value[i];
        }
    }

    // A derived property is filled from its sources, or its sources from it, when the record gives only one side.
    private void Derive(Dictionary<string, CanonicalValue?> values, IReadOnlyDictionary<string, CanonicalValue?>? current)
    {
        foreach (var property in type.DerivedProperties)
        {
            var derivation = Derivations.Find(property.Derived!.Converter)!;
            var from = property.Derived.From;
            if (!values.ContainsKey(property.Name) && from.All(values.ContainsKey))
            {
                values[property.Name] = derivation.Forward([.. from.Select(f => values[f])]);
            }
            else if (values.TryGetValue(property.Name, out var derived) && !from.Any(values.ContainsKey))
            {
                var sources = derivation.Backward(derived, [.. from.Select(f => current?.GetValueOrDefault(f))]);
                for (var i = 0; i < from.Count; i++)
                {
                    values[from[i]] = sources[i];
                }
            }
        }
    }

    private static ConverterContext Context(PropertyMapping mapping) => new(mapping.Fields, mapping.Properties, mapping.Format);

    private static string Label(PropertyMapping mapping) => $"{string.Join(", ", mapping.Properties)} ({mapping.FieldNames})";
}
