using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Asana.Internal;

/// <summary>
/// Checks an API record against its datatype's field shapes and turns it into a <see cref="ConnectorRecord"/>: every
/// field kept under its API name, compact references replaced by their gid (lists of references by lists of gids).
/// </summary>
internal static class RecordNormalizer
{
    /// <summary>The record, or the problem that keeps it from being read.</summary>
    public static (ConnectorRecord? Record, ReadProblem? Problem) Normalize(AsanaDatatype type, JsonNode? node)
    {
        if (node is not JsonObject raw)
        {
            return (null, new ReadProblem(null, null, $"asana {type.Name}: expected a JSON object, got {Show(node)}"));
        }
        if (raw["gid"] is not JsonValue gid || !gid.TryGetValue<string>(out var id) || string.IsNullOrWhiteSpace(id))
        {
            return (null, new ReadProblem(null, "gid", $"asana {type.Name}: the record has no gid (got {Show(raw["gid"])})"));
        }
        foreach (var (field, kind) in type.Fields)
        {
            if (raw[field] is { } value && !Fits(kind, value))
            {
                return (null, new ReadProblem(id, field, $"asana {type.Name} {id}: {field} should be {Expected(kind)}, got {Show(value)}"));
            }
        }
        DateTimeOffset? modified = null;
        if (raw["modified_at"] is JsonValue stamp)
        {
            if (!DateTimeOffset.TryParse(stamp.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return (null, new ReadProblem(id, "modified_at", $"asana {type.Name} {id}: modified_at is not a date-time: {Show(stamp)}"));
            }
            modified = at;
        }
        var properties = new JsonObject();
        foreach (var (key, value) in raw.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            properties[key] = Flatten(value);
        }
        return (new ConnectorRecord(id, properties, modified), null);
    }

    /// <summary>A deleted record: Asana answers 404 for it, so nothing but its gid is left.</summary>
    public static ConnectorRecord Deleted(string id) => new(id, [], null, Deleted: true);

    // References become the referenced record's gid; other objects stay nested.
    private static JsonNode? Flatten(JsonNode? node) => node switch
    {
        JsonObject o when IsReference(o) => JsonValue.Create((string)o["gid"]!),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Flatten(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Flatten).ToArray()),
        _ => node?.DeepClone(),
    };

    private static bool IsReference(JsonObject o) => o["gid"] is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static bool Fits(FieldKind kind, JsonNode value) => kind switch
    {
        FieldKind.Text => Kind(value) == JsonValueKind.String,
        FieldKind.Flag => Kind(value) is JsonValueKind.True or JsonValueKind.False,
        FieldKind.Reference => value is JsonObject o && IsReference(o),
        FieldKind.References => value is JsonArray a && a.All(i => i is JsonObject o && IsReference(o)),
        FieldKind.Texts => value is JsonArray a && a.All(i => i is not null && Kind(i) == JsonValueKind.String),
        FieldKind.Object => value is JsonObject,
        FieldKind.List => value is JsonArray,
        _ => true,
    };

    private static JsonValueKind Kind(JsonNode node) => node.GetValueKind();

    private static string Expected(FieldKind kind) => kind switch
    {
        FieldKind.Text => "a string",
        FieldKind.Flag => "a boolean",
        FieldKind.Reference => "a reference {gid, resource_type}",
        FieldKind.References => "a list of references",
        FieldKind.Texts => "a list of strings",
        FieldKind.Object => "an object",
        _ => "a list",
    };

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
