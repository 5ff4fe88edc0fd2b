using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Asana.Emulator.Internal;

/// <summary>A webhook's filters: which events (resource type and subtype, action, changed fields) it is sent.</summary>
internal static class WebhookFilters
{
    private static readonly string[] Actions = ["changed", "added", "removed", "deleted", "undeleted"];
    private static readonly HashSet<string> FilterFields = new(StringComparer.Ordinal) { "resource_type", "resource_subtype", "action", "fields" };

    /// <summary>The filters of a create body, validated; an empty list when there are none.</summary>
    public static (JsonArray Filters, ApiResult? Error) Parse(JsonObject data)
    {
        if (!data.TryGetPropertyValue("filters", out var node) || node is null)
        {
            return ([], null);
        }
        if (node is not JsonArray list)
        {
            return ([], AsanaErrors.Bad($"filters: Value is not an array: {Input.Show(node)}"));
        }
        var filters = new JsonArray();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject filter)
            {
                return ([], AsanaErrors.Bad($"filters: [{i}]: Value is not a JSON object: {Input.Show(list[i])}"));
            }
            var field = $"filters: [{i}]: ";
            var type = Input.Text(filter, "resource_type", 100);
            var subtype = Input.Text(filter, "resource_subtype", 100);
            var action = Input.Enum(filter, "action", Actions);
            var fields = filter["fields"] is null || filter["fields"] is JsonArray f && f.All(x => x is JsonValue v && v.GetValueKind() == JsonValueKind.String);
            var error = Input.Disallowed(filter, FilterFields, FilterFields) ?? type.Error ?? subtype.Error ?? action.Error
                ?? (fields ? null : AsanaErrors.Bad($"fields: Value is not an array of strings: {Input.Show(filter["fields"])}"));
            if (error is not null)
            {
                var message = (string)error.Body["errors"]![0]!["message"]!;
                return ([], AsanaErrors.Bad(field + message));
            }
            filters.Add(filter.DeepClone());
        }
        return (filters, null);
    }

    /// <summary>Whether an event passes the filters (no filters pass everything).</summary>
    public static bool Matches(JsonArray? filters, JsonObject hookEvent)
    {
        if (filters is null || filters.Count == 0)
        {
            return true;
        }
        var resource = hookEvent["resource"];
        var action = (string?)hookEvent["action"];
        return filters.OfType<JsonObject>().Any(f =>
            (f["resource_type"] is null || (string?)f["resource_type"] == (string?)resource?["resource_type"])
            && (f["resource_subtype"] is null || (string?)f["resource_subtype"] == (string?)resource?["resource_subtype"])
            && (f["action"] is null || (string?)f["action"] == action)
            && (f["fields"] is not JsonArray { Count: > 0 } fields
                || (action == "changed" && fields.Any(x => (string?)x == (string?)hookEvent["change"]?["field"]))));
    }
}
