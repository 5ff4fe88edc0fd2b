using System.Text.Json.Nodes;
using Tolk.Emulation.State;

namespace Tolk.Crmoffice.Emulator;

/// <summary>
/// What a restart keeps besides the records: the id counters (ids are never reused) and the OAuth access tokens still
/// alive, so a client's token keeps working across the restart as it would against the real service. Webhook
/// registrations and their secrets are records.
/// </summary>
public sealed partial class CrmofficeEmulator
{
    /// <inheritdoc />
    protected override Lock WriteGate => _records.Gate;

    /// <inheritdoc />
    protected override void SaveState(JsonObject state)
    {
        state["lastIds"] = new JsonObject(_records.LastNumbers().OrderBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => KeyValuePair.Create(n.Key, (JsonNode?)n.Value)));
        state["tokens"] = new JsonArray(_tokens.Live().Select(t => (JsonNode)new JsonObject
        {
            ["token"] = t.Token,
            ["clientId"] = t.ClientId,
            ["expiresAt"] = StateJson.TimeValue(t.ExpiresAt),
        }).ToArray());
    }

    /// <inheritdoc />
    protected override void RestoreState(JsonObject state)
    {
        _records.RestoreNumbers(state.ReadLongs("lastIds"));
        foreach (var t in state.ReadObjects("tokens"))
        {
            _tokens.Restore(t.ReadString("token"), t.ReadString("clientId"), t.ReadTime("expiresAt"));
        }
    }
}
