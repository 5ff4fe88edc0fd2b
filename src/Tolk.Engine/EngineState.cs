using System.Text.Json.Nodes;
using Tolk.Hub.Store;

namespace Tolk.Engine;

/// <summary>
/// The engine's own durable state (cursor <c>engine:position</c>): how far it has processed the hub log, and the clusters
/// that still need planning (writes waiting for references, writes to try again).
/// </summary>
internal sealed class EngineState
{
    public const string CursorKey = "engine:position";

    public long Position { get; set; }

    public HashSet<long> Pending { get; } = [];

    // Memberships a person removed by hand: never linked again by a merge criterion (labels system/datatype/id[:role]).
    public HashSet<string> Unlinked { get; } = new(StringComparer.Ordinal);

    // Inserts an ambiguous match forbids until a person links a record by hand: (cluster, target mapping).
    public HashSet<(long, string)> Blocked { get; } = [];

    public static string Label(MemberKey member) =>
        member.Role.Length == 0 ? $"{member.Dataset}/{member.RecordId}" : $"{member.Dataset}/{member.RecordId}:{member.Role}";

    public static async Task<EngineState> LoadAsync(IHubStore store, CancellationToken cancellationToken)
    {
        var state = new EngineState();
        if (await store.GetCursorAsync(CursorKey, cancellationToken) is { } cursor && JsonNode.Parse(cursor.Value) is JsonObject root)
        {
            state.Position = (long?)root["seq"] ?? 0;
            if (root["pending"] is JsonArray pending)
            {
                state.Pending.UnionWith(pending.Select(p => (long?)p).OfType<long>());
            }

            if (root["unlinked"] is JsonArray unlinked)
            {
                state.Unlinked.UnionWith(unlinked.Select(u => (string?)u).OfType<string>());
            }

            if (root["blocked"] is JsonArray blocked)
            {
                state.Blocked.UnionWith(blocked.OfType<JsonObject>()
                    .Where(b => (long?)b["cluster"] is not null && (string?)b["target"] is not null)
                    .Select(b => ((long)b["cluster"]!, (string)b["target"]!)));
            }
        }

        return state;
    }

    public Task SaveAsync(IHubStore store, CancellationToken cancellationToken)
    {
        var root = new JsonObject
        {
            ["seq"] = Position,
            ["pending"] = new JsonArray([.. Pending.Order().Select(p => (JsonNode?)JsonValue.Create(p))]),
            ["unlinked"] = new JsonArray([.. Unlinked.Order(StringComparer.Ordinal).Select(u => (JsonNode?)JsonValue.Create(u))]),
            ["blocked"] = new JsonArray([.. Blocked.Order().Select(b => (JsonNode?)new JsonObject { ["cluster"] = b.Item1, ["target"] = b.Item2 })]),
        };
        return store.SaveCursorAsync(new HubCursor(CursorKey, root.ToJsonString()), cancellationToken);
    }
}
