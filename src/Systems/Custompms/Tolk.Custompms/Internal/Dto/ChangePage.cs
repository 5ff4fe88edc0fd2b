using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Custompms.Internal.Dto;

/// <summary>One entry of the change log: a record of a collection was upserted or deleted at <see cref="At"/>.</summary>
internal sealed record ChangeEntry(long Seq, string Collection, string Id, bool Deleted, DateTimeOffset? At);

/// <summary>
/// A page of <c>GET /changes</c>: <c>{"changes":[{"seq","collection","id","op","at"}],"lastSeq"}</c>. Entries that do
/// not fit the contract are counted in <see cref="Unreadable"/> (they cannot name a record, so they cannot be reported
/// as one); <see cref="Count"/> is every entry, for telling a full page from the last one.
/// </summary>
internal sealed record ChangePage(IReadOnlyList<ChangeEntry> Changes, long LastSeq, int Count, int Unreadable)
{
    /// <summary>The page, or null when the body is not a change page at all.</summary>
    public static ChangePage? From(JsonNode? body)
    {
        if (body is not JsonObject o || o["changes"] is not JsonArray changes || !TryLong(o["lastSeq"], out var lastSeq))
        {
            return null;
        }
        var entries = new List<ChangeEntry>(changes.Count);
        foreach (var change in changes)
        {
            if (change is JsonObject c && TryLong(c["seq"], out var seq) && Text(c["collection"]) is { } collection
                && Text(c["id"]) is { } id && Text(c["op"]) is "upsert" or "delete")
            {
                entries.Add(new ChangeEntry(seq, collection, id, Text(c["op"]) == "delete", Stamps.Read(c["at"])));
            }
        }
        return new ChangePage(entries, lastSeq, changes.Count, changes.Count - entries.Count);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static bool TryLong(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value);
    }
}
