using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Customerp.Emulator.Internal;

namespace Tolk.Customerp.Emulator;

public sealed partial class CustomerpEmulator
{
    /// <summary>Reads a body's fields: unknown and read-only fields, and bad values, become errors by field name.</summary>
    private static (Dictionary<string, JsonNode?> Fields, Dictionary<string, List<string>> Errors) ReadFields(CollectionSchema schema, JsonElement body)
    {
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (CollectionSchema.ReadOnly.Contains(property.Name))
            {
                errors[property.Name] = ["is read-only"];
                continue;
            }
            if (schema.Find(property.Name) is not { } rule)
            {
                errors[property.Name] = [$"is not a field of {schema.Name}"];
                continue;
            }
            var (value, error) = FieldValidator.Read(rule, property.Value);
            if (error is not null)
            {
                errors[property.Name] = [error];
            }
            else
            {
                fields[property.Name] = value;
            }
        }
        return (fields, errors);
    }

    /// <summary>A reference must name a record of its target collection that is not deleted (400 on the field).</summary>
    private void CheckReferences(CollectionSchema schema, Dictionary<string, JsonNode?> fields, Dictionary<string, List<string>> errors)
    {
        foreach (var rule in schema.Fields.Where(f => f.Target is not null))
        {
            if (fields.GetValueOrDefault(rule.Name) is { } value && !_collections[rule.Target!].Index.IsLive((int)value))
            {
                errors[rule.Name] = [$"{_collections[rule.Target!].Schema.Singular} {(int)value} does not exist"];
            }
        }
    }

    /// <summary>409 when a unique value is held by another record that is not deleted.</summary>
    private static Problem? CheckUnique(Collection collection, IReadOnlyDictionary<string, JsonNode?> fields, int? self)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in collection.Schema.UniqueFields)
        {
            if (fields.GetValueOrDefault(rule.Name) is JsonValue value && value.TryGetValue<string>(out var text)
                && collection.Index.Owner(rule, text) is { } owner && owner != self)
            {
                errors[rule.Name] = [$"is already used by {collection.Schema.Singular} {owner}"];
            }
        }
        return errors.Count == 0
            ? null
            : Problem.Of(409, string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), errors);
    }

    private static Problem NotFound(CollectionSchema schema, int id) =>
        Problem.Of(404, $"There is no {schema.Singular} with id {id}.");

    private static Problem PreconditionFailed(JsonObject current) =>
        Problem.Of(412, $"If-Match does not match the current version; the record is at ETag {EntityTag.Of((int)current["version"]!)}.");
}
