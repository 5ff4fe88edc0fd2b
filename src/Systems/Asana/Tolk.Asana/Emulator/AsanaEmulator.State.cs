using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.State;

namespace Tolk.Asana.Emulator;

/// <summary>
/// What a restart keeps besides the records: the gid counters, the event log behind the sync tokens (and the tokens'
/// expiry epochs, so a token handed out before the restart still continues), webhook secrets and owners, and the trash.
/// The signing key comes from the seed, which the snapshot keeps, so issued tokens and offsets stay valid.
/// </summary>
public sealed partial class AsanaEmulator
{
    /// <inheritdoc />
    protected override void SaveState(JsonObject state)
    {
        var gids = new JsonObject();
        foreach (var (type, next) in _gids.Counters())
        {
            gids[type] = next;
        }
        var (head, pruned, events) = _events.Export();
        state["gids"] = gids;
        state["events"] = new JsonObject
        {
            ["head"] = head,
            ["prunedThrough"] = pruned,
            ["items"] = new JsonArray(events.Select(e => (JsonNode)new JsonObject
            {
                ["seq"] = e.Seq,
                ["at"] = StateJson.TimeValue(e.At),
                ["event"] = e.Event.DeepClone(),
                ["scopes"] = new JsonArray(e.Scopes.Select(s => (JsonNode)s).ToArray()),
            }).ToArray()),
        };
        state["syncEpoch"] = _sync.Epoch;
        state["offsetEpoch"] = _offsets.Epoch;
        state["webhooks"] = new JsonObject(_hookSecrets.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h =>
            KeyValuePair.Create(h.Key, (JsonNode?)new JsonObject { ["secret"] = h.Value.Secret, ["owner"] = h.Value.Owner })));
        state["trash"] = new JsonObject(_trash.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
            KeyValuePair.Create(t.Key, (JsonNode?)t.Value.DeepClone())));
    }

    /// <inheritdoc />
    protected override void RestoreState(JsonObject state)
    {
        var highest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Database.Collections)
        {
            var type = ResourceTypes.OfCollection(table.Name);
            foreach (var record in table.All())
            {
                if (type is not null && Gids.IndexOf(type, (string?)record["gid"] ?? "") is { } index)
                {
                    highest[type] = Math.Max(highest.GetValueOrDefault(type), index);
                }
                if (record["gid"] is JsonValue gid && record["name"] is JsonValue name && name.TryGetValue<string>(out var text))
                {
                    _names[gid.GetValue<string>()] = text;
                }
            }
        }
        _gids.Restore(state.ReadLongs("gids"), highest);
        var events = state.ReadObject("events");
        _events.Restore(events.ReadLong("head"), events.ReadLong("prunedThrough"), events.ReadObjects("items").Select(e => new LoggedEvent(
            e.ReadLong("seq"), e.ReadTime("at"), (JsonObject)e.ReadObject("event").DeepClone(),
            e.ReadArray("scopes").Select(s => s is JsonValue v && v.TryGetValue<string>(out var scope) ? scope
                : throw new EmulatorStateException("events.items[].scopes: expected strings")).ToList())).ToList());
        _sync.Epoch = state.ReadInt("syncEpoch");
        _offsets.Epoch = state.ReadInt("offsetEpoch");
        var webhooks = state.ReadObject("webhooks");
        foreach (var (gid, _) in webhooks)
        {
            var hook = webhooks.ReadObject(gid);
            _hookSecrets[gid] = (hook.ReadString("secret"), hook.ReadString("owner"));
        }
        var trash = state.ReadObject("trash");
        foreach (var (gid, _) in trash)
        {
            _trash[gid] = (JsonObject)trash.ReadObject(gid).DeepClone();
        }
    }
}
