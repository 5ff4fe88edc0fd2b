using System.Text.Json.Nodes;
using Tolk.Emulation.State;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

/// <summary>
/// What a restart keeps besides the records: the id counter (ids embed it, so a restarted emulator must not hand out
/// one again), who "me" and the person are, and which token each webhook belongs to. Actions are records, so
/// <c>since</c> positions carry over with them.
/// </summary>
public sealed partial class TrelloEmulator
{
    /// <inheritdoc />
    protected override Lock WriteGate => _write;

    /// <inheritdoc />
    protected override void SaveState(JsonObject state)
    {
        state["idCounter"] = _ids.Counter;
        state["me"] = MeId;
        state["person"] = PersonId;
        state["webhookTokens"] = new JsonObject(_webhookTokens.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
    }

    /// <inheritdoc />
    protected override void RestoreState(JsonObject state)
    {
        _ids = new TrelloIds(Context.Sample.Seed, state.ReadLong("idCounter"));
        MeId = state.ReadString("me");
        PersonId = state.ReadString("person");
        if (!Members.Contains(MeId) || !Members.Contains(PersonId))
        {
            throw new EmulatorStateException($"me ({MeId}) and person ({PersonId}) must be members");
        }
        foreach (var (hook, token) in state.ReadStrings("webhookTokens"))
        {
            _webhookTokens[hook] = token;
        }
        foreach (var member in Members.All())
        {
            RememberCreator(Str(member, "id"), member);
        }
    }
}
