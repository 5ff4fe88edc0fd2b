using System.Text.Json.Nodes;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Emulation.State;

namespace Tolk.Custompms.Emulator;

/// <summary>
/// What a restart keeps besides the records: how many ids each collection handed out (ids are made from that count),
/// the project key counter, the change log with its head and pruned part (so a reader's <c>since</c> still continues)
/// and the idempotency keys. The list orders are rebuilt from the records.
/// </summary>
public sealed partial class CustompmsEmulator
{
    /// <inheritdoc />
    protected override Lock WriteGate => _sync;

    /// <inheritdoc />
    protected override void SaveState(JsonObject state)
    {
        state["idSeed"] = _idSeed;
        state["issued"] = new JsonObject(_collections.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value.Issued)));
        state["nextKey"] = _nextKey;
        state["changes"] = new JsonObject
        {
            ["head"] = _changes.Head,
            ["prunedThrough"] = _changes.PrunedThrough,
            ["entries"] = new JsonArray(_changes.Retained().Select(e => (JsonNode)new JsonObject
            {
                ["seq"] = e.Seq,
                ["collection"] = e.Collection,
                ["id"] = e.Id,
                ["deleted"] = e.Deleted,
                ["at"] = StateJson.TimeValue(e.At),
            }).ToArray()),
        };
        state["idempotency"] = new JsonArray(_idempotency.Entries().Select(e => (JsonNode)new JsonObject
        {
            ["apiKey"] = e.ApiKey,
            ["collection"] = e.Collection,
            ["key"] = e.Key,
            ["at"] = StateJson.TimeValue(e.At),
            ["body"] = StateJson.BytesValue(e.Body),
        }).ToArray());
    }

    /// <inheritdoc />
    protected override void RestoreState(JsonObject state)
    {
        _idSeed = state.ReadInt("idSeed");
        var issued = state.ReadObject("issued");
        foreach (var (name, c) in _collections)
        {
            c.Issued = issued.ReadLong(name);
            c.Order.Clear();
            foreach (var record in c.Table.All())
            {
                c.Order.Apply(record.ReadString("id"), record["modifiedAt"] is JsonValue v && v.TryGetValue<string>(out var stamp) ? stamp : null);
            }
        }
        _nextKey = state.ReadInt("nextKey");
        var changes = state.ReadObject("changes");
        _changes.Restore(changes.ReadLong("head"), changes.ReadLong("prunedThrough"), changes.ReadObjects("entries")
            .Select(e => new ChangeEntry(e.ReadLong("seq"), e.ReadString("collection"), e.ReadString("id"), e.ReadBool("deleted"), e.ReadTime("at")))
            .ToList());
        foreach (var e in state.ReadObjects("idempotency"))
        {
            _idempotency.Remember(e.ReadString("apiKey"), e.ReadString("collection"), e.ReadString("key"), e.ReadTime("at"), e.ReadBytes("body"));
        }
    }
}
