using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Engine.Applying;

/// <summary>What a write intent stores: the fields, the merge-key fields and the synchronized values, to redo or recover the create.</summary>
internal static class InsertPayload
{
    public static string Write(JsonObject fields, IReadOnlyDictionary<string, string> match, string synced)
    {
        var matchJson = new JsonObject();
        foreach (var (field, value) in match)
        {
            matchJson[field] = value;
        }

        return new JsonObject { ["fields"] = fields.DeepClone(), ["match"] = matchJson, ["synced"] = synced }.ToJsonString();
    }

    public static (CreateRequest Request, string? Synced) Read(string payload, string idempotencyKey)
    {
        var root = JsonNode.Parse(payload) as JsonObject ?? [];
        var fields = root["fields"] as JsonObject ?? [];
        var match = (root["match"] as JsonObject ?? []).ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal);
        return (new CreateRequest((JsonObject)fields.DeepClone(), idempotencyKey, match), (string?)root["synced"]);
    }
}
