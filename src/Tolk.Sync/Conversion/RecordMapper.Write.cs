using System.Text.Json.Nodes;
using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion.Named;

namespace Tolk.Sync.Conversion;

/// <summary>Writing: shared-model values back to a system's fields.</summary>
public sealed partial class RecordMapper
{
    /// <summary>
    /// The fields to write for <paramref name="values"/> (canonical values by global property; a property left out is
    /// not written). Read-only fields are never written, insert-only ones only when <paramref name="insert"/>, and a
    /// role's discriminator is written on insert. <paramref name="current"/> is the record as the system last delivered
    /// it (null for a new record): converters keep what the shared model cannot express (Asana's archived flag, the
    /// other elements of a list).
    /// </summary>
    public RecordWriting Write(IReadOnlyDictionary<string, CanonicalValue?> values, JsonObject? current = null, bool insert = false)
    {
        var complete = new Dictionary<string, CanonicalValue?>(values, StringComparer.Ordinal);
        Derive(complete, values);
        var fields = new JsonObject();
        var errors = new List<ConversionError>();
        foreach (var mapping in Mapping.Properties.Where(p => p.Writes && (insert || !p.InsertOnly)))
        {
            if (mapping.Properties.All(complete.ContainsKey))
            {
                WriteOne(mapping, complete, current, fields, errors);
            }
        }

        if (insert && Mapping.When is { } when)
        {
            when.Field.Set(fields, JsonValue.Create(when.Value), current);
        }

        return new RecordWriting(fields, errors);
    }

    private static void WriteOne(PropertyMapping mapping, Dictionary<string, CanonicalValue?> values, JsonObject? current, JsonObject fields, List<ConversionError> errors)
    {
        if (mapping.Converter is null)
        {
            var written = ValueWriter.Write(values[mapping.Properties[0]], mapping.Format!, Label(mapping));
            if (written.IsOk)
            {
                mapping.Fields[0].Set(fields, written.Value, current);
            }
            else
            {
                errors.Add(written.Error!);
            }

            return;
        }

        var converter = NamedConverters.Find(mapping.Converter)!;
        var converted = converter.Write(Context(mapping), [.. mapping.Properties.Select(p => values[p])], [.. mapping.Fields.Select(f => f.GetOrNull(current)?.DeepClone())]);
        if (!converted.IsOk)
        {
            errors.Add(converted.Error! with { Property = Label(mapping) });
            return;
        }

        foreach (var assignment in converted.Value)
        {
            mapping.Fields[assignment.Field].Set(fields, assignment.Value, current);
        }
    }
}
