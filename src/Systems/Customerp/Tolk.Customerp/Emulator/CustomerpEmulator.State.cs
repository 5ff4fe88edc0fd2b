using System.Text.Json.Nodes;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Emulation.State;

namespace Tolk.Customerp.Emulator;

/// <summary>
/// What a restart keeps besides the records: the id counters (ids are never reused), the webhook ids, secrets and
/// event numbers, the cursor generation (so a <c>next_cursor</c> handed out before the restart still continues) and
/// the idempotency keys within their window. The list indexes are rebuilt from the records.
/// </summary>
public sealed partial class CustomerpEmulator
{
    /// <inheritdoc />
    protected override Lock WriteGate => _sync;

    /// <inheritdoc />
    protected override void SaveState(JsonObject state)
    {
        state["nextIds"] = new JsonObject(_collections.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value.NextId)));
        state["nextWebhookId"] = Volatile.Read(ref _nextWebhookId);
        state["nextEventId"] = Interlocked.Read(ref _nextEventId);
        state["cursorGeneration"] = Volatile.Read(ref _generation);
        state["webhookSecrets"] = new JsonObject(_secrets.OrderBy(s => s.Key).Select(s =>
            KeyValuePair.Create(s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)s.Value)));
        state["idempotency"] = new JsonArray(_idempotency.Entries(Context.Time.GetUtcNow()).Select(e => (JsonNode)new JsonObject
        {
            ["token"] = e.Token,
            ["key"] = e.Key,
            ["expires"] = StateJson.TimeValue(e.Expires),
            ["fingerprint"] = StateJson.BytesValue(e.Response.Fingerprint),
            ["status"] = e.Response.Status,
            ["location"] = e.Response.Location,
            ["etag"] = e.Response.ETag,
            ["body"] = StateJson.BytesValue(e.Response.Body),
        }).ToArray());
    }

    /// <inheritdoc />
    protected override void RestoreState(JsonObject state)
    {
        var nextIds = state.ReadObject("nextIds");
        foreach (var (name, collection) in _collections)
        {
            collection.Index.Clear();
            var highest = 0;
            foreach (var record in collection.Table.All())
            {
                collection.Index.Apply(null, record);
                highest = Math.Max(highest, RecordIndex.Id(record));
            }
            collection.NextId = Math.Max(nextIds.ReadInt(name), highest);
        }
        var hooks = _webhooks.All().Select(h => (int?)h["id"] ?? 0).DefaultIfEmpty(0).Max();
        _nextWebhookId = Math.Max(state.ReadInt("nextWebhookId"), hooks);
        _nextEventId = state.ReadLong("nextEventId");
        _generation = state.ReadInt("cursorGeneration");
        foreach (var (id, secret) in state.ReadStrings("webhookSecrets"))
        {
            _secrets[int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
                : throw new EmulatorStateException($"webhookSecrets.{id}: expected a webhook id")] = secret;
        }
        foreach (var e in state.ReadObjects("idempotency"))
        {
            _idempotency.Remember(e.ReadString("token"), e.ReadString("key"),
                new StoredResponse(e.ReadBytes("fingerprint"), e.ReadInt("status"), e.ReadString("location"), e.ReadString("etag"), e.ReadBytes("body")),
                e.ReadTime("expires"));
        }
    }
}
