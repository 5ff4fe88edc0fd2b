using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Crmoffice.Internal;

/// <summary>Whether a record read back is the one a lost create made.</summary>
internal static class CreateMatch
{
    public static bool IsMatch(ConnectorRecord record, CreateRequest request, DateTimeOffset createdFrom)
    {
        if (!CrmTimestamps.TryParse(record.Properties["createdAt"] is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>() : null, out var createdAt) || createdAt < createdFrom)
        {
            return false;
        }
        if (request.MatchFields is { Count: > 0 } keys)
        {
            return keys.All(k => string.Equals(Text(Path(record.Properties, k.Key)), k.Value, StringComparison.OrdinalIgnoreCase));
        }
        return request.Properties.All(p => Same(p.Value, record.Properties[p.Key]));
    }

    // Date-times come back in the tenant's offset, so they compare as instants; objects (the address) field by field.
    private static bool Same(JsonNode? sent, JsonNode? stored)
    {
        if (sent is JsonObject sentObject)
        {
            return stored is JsonObject storedObject && sentObject.All(p => Same(p.Value, storedObject[p.Key]));
        }
        if (CrmTimestamps.TryParse(Text(sent), out var a) && CrmTimestamps.TryParse(Text(stored), out var b))
        {
            return a == b;
        }
        return JsonNode.DeepEquals(sent, stored);
    }

    private static JsonNode? Path(JsonObject properties, string dotted)
    {
        JsonNode? node = properties;
        foreach (var part in dotted.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }
        return node;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v ? v.ToString() : null;
}
