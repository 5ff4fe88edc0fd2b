using System.Text.Json.Nodes;
using Tolk.Hub.Store;

namespace Tolk.Engine.Processing;

/// <summary>The deletions the breaker holds, kept in the store (cursor <c>engine:held-deletes</c>) until confirmed.</summary>
public static class HeldDeletes
{
    /// <summary>The store key.</summary>
    public const string CursorKey = "engine:held-deletes";

    /// <summary>The error stage under which a hold is shown.</summary>
    public const string Stage = "delete-breaker";

    /// <summary>The held record ids by dataset.</summary>
    public static async Task<Dictionary<Dataset, HashSet<string>>> LoadAsync(IHubStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var held = new Dictionary<Dataset, HashSet<string>>();
        if (await store.GetCursorAsync(CursorKey, cancellationToken) is { } cursor && JsonNode.Parse(cursor.Value) is JsonObject root)
        {
            foreach (var (name, ids) in root)
            {
                if (name.Split('/') is [var system, var datatype] && ids is JsonArray list)
                {
                    held[new Dataset(system, datatype)] = [.. list.Select(i => (string?)i).OfType<string>()];
                }
            }
        }

        return held;
    }

    /// <summary>Saves the held ids in <paramref name="writer"/>'s transaction.</summary>
    public static Task SaveAsync(IHubWriter writer, Dictionary<Dataset, HashSet<string>> held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(held);
        var root = new JsonObject();
        foreach (var (dataset, ids) in held.Where(h => h.Value.Count > 0).OrderBy(h => h.Key.ToString(), StringComparer.Ordinal))
        {
            root[dataset.ToString()] = new JsonArray([.. ids.Order(StringComparer.Ordinal).Select(i => (JsonNode?)JsonValue.Create(i))]);
        }

        return writer.SaveCursorAsync(new HubCursor(CursorKey, root.ToJsonString()), cancellationToken);
    }
}
