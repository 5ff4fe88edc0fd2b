using System.Text.Json.Nodes;

namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>The checks a write must pass while the write gate is held.</summary>
internal sealed partial class EntityService
{
    private ApiError? CheckNewKeys(List<string> keys)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < keys.Count; i++)
        {
            if (Table.Contains(keys[i]) || !seen.Add(keys[i]))
            {
                return ApiError.Conflict($"Entity {i}: a {Schema.TypeName} with {Schema.Key.Name} '{keys[i]}' already exists.");
            }
        }
        return null;
    }

    // Applies each patch to the stored record (or to the result of an earlier patch of the same record in the batch).
    private (List<JsonObject>? Merged, List<string>? Keys, ApiError? Error) Merge(List<(string Key, JsonObject Patch)> patches)
    {
        var working = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < patches.Count; i++)
        {
            var (key, patch) = patches[i];
            if (!working.TryGetValue(key, out var record))
            {
                record = Table.Get(key);
                if (record is null)
                {
                    return (null, null, ApiError.NotFound($"Entity {i}: no {Schema.TypeName} with {Schema.Key.Name} '{key}' exists."));
                }
                working[key] = record;
            }
            foreach (var (name, value) in patch)
            {
                if (name != Schema.Key.Name)
                {
                    record[name] = value?.DeepClone();
                }
            }
        }
        var keys = working.Values.Select(r => EntityReader.KeyText(r[Schema.Key.Name]!)).ToList();
        return (working.Values.ToList(), keys, null);
    }

    private ApiError? CheckUnique(List<JsonObject> entities, List<string> keys)
    {
        if (!context.Settings.EnforceMergeKeys || UniqueFields.Count == 0)
        {
            return null;
        }
        var written = new HashSet<string>(keys, StringComparer.OrdinalIgnoreCase);
        var others = Table.Where(r => !written.Contains(EntityReader.KeyText(r[Schema.Key.Name]!)));
        foreach (var field in UniqueFields)
        {
            var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var other in others)
            {
                if (Normal(other[field]) is { } value)
                {
                    owners.TryAdd(value, EntityReader.KeyText(other[Schema.Key.Name]!));
                }
            }
            for (var i = 0; i < entities.Count; i++)
            {
                if (Normal(entities[i][field]) is { } value && !owners.TryAdd(value, keys[i]))
                {
                    return ApiError.Conflict(
                        $"Entity {i}: {field} '{value}' is already used by {Schema.TypeName} '{owners[value]}'; it is one of Tidsbanken's merge keys and must be unique.");
                }
            }
        }
        return null;
    }

    private ApiError? CheckAllReferences(List<JsonObject> entities)
    {
        for (var i = 0; i < entities.Count; i++)
        {
            if (CheckReferences(entities[i]) is { } message)
            {
                return ApiError.BadRequest($"Entity {i}: {message}");
            }
        }
        return null;
    }

    private static string? Normal(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
