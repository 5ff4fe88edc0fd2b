using System.Text.Json.Nodes;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>
/// Turns stored records into what the API answers: compact, full, or exactly the opt_fields asked for (gid always),
/// following dotted paths into referenced records. References carry the referenced record's current name.
/// </summary>
internal sealed class RecordRenderer(IRecordLookup lookup)
{
    /// <summary>The compact representation, or the selection when there is one.</summary>
    public JsonObject Compact(JsonObject record, FieldSelection? fields) =>
        fields is not null ? Select(record, fields) : Pick(record, Representations.Compact(TypeOf(record)));

    /// <summary>The full record without its opt-in fields, or the selection when there is one.</summary>
    public JsonObject Full(JsonObject record, FieldSelection? fields)
    {
        if (fields is not null)
        {
            return Select(record, fields);
        }
        var type = TypeOf(record);
        var result = new JsonObject();
        foreach (var (key, value) in record)
        {
            if (!Representations.IsOptIn(type, key))
            {
                result[key] = Refresh(value);
            }
        }
        return result;
    }

    private JsonObject Pick(JsonObject record, IEnumerable<string> keys)
    {
        var result = new JsonObject();
        foreach (var key in keys)
        {
            if (record.TryGetPropertyValue(key, out var value))
            {
                result[key] = Refresh(value);
            }
        }
        return result;
    }

    private JsonObject Select(JsonObject source, FieldSelection fields)
    {
        var result = new JsonObject();
        if (source["gid"] is { } gid)
        {
            result["gid"] = gid.DeepClone();
        }
        foreach (var (name, sub) in fields.Fields)
        {
            // Asana ignores names a resource does not have; the gid is always there.
            if (name != "gid" && source.TryGetPropertyValue(name, out var value))
            {
                result[name] = Selected(value, sub);
            }
        }
        return result;
    }

    private JsonNode? Selected(JsonNode? value, FieldSelection? sub) => value switch
    {
        JsonArray array => new JsonArray(array.Select(item => Selected(item, sub)).ToArray()),
        JsonObject obj when IsReference(obj) => sub is null
            ? new JsonObject { ["gid"] = obj["gid"]!.DeepClone(), ["resource_type"] = obj["resource_type"]!.DeepClone() }
            : Select(Resolve(obj), sub),
        JsonObject obj => sub is null ? Shallow(obj) : Select(obj, sub),
        _ => value?.DeepClone(),
    };

    private JsonObject Shallow(JsonObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            result[key] = Selected(value, null);
        }
        return result;
    }

    private JsonObject Resolve(JsonObject reference) =>
        lookup.Find((string)reference["resource_type"]!, (string)reference["gid"]!) is { } full ? full : reference;

    // References are stored compact; their names are refreshed on the way out so a rename shows everywhere at once.
    private JsonNode? Refresh(JsonNode? value)
    {
        switch (value)
        {
            case JsonArray array:
                return new JsonArray(array.Select(Refresh).ToArray());
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, inner) in obj)
                {
                    copy[key] = Refresh(inner);
                }
                if (IsReference(obj) && obj.ContainsKey("name") && lookup.NameOf((string)obj["gid"]!) is { } name)
                {
                    copy["name"] = name;
                }
                return copy;
            default:
                return value?.DeepClone();
        }
    }

    private static bool IsReference(JsonObject obj) =>
        obj["gid"] is JsonValue && obj["resource_type"] is JsonValue && obj.Count <= 4;

    private static string TypeOf(JsonObject record) => (string?)record["resource_type"] ?? "";
}
