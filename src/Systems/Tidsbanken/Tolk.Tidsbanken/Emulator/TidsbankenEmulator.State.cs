using System.Text.Json.Nodes;
using Tolk.Emulation.State;

namespace Tolk.Tidsbanken.Emulator;

/// <summary>
/// What a restart keeps besides the records: the last Prosjekt PostId handed out. Tidsbanken has no change feed or
/// tokens; a client's cursor is a SistEndretDato, which the records carry.
/// </summary>
public sealed partial class TidsbankenEmulator
{
    /// <inheritdoc />
    protected override Lock WriteGate => _writes.Gate;

    /// <inheritdoc />
    protected override void SaveState(JsonObject state) => state["lastPostId"] = _lastPostId;

    /// <inheritdoc />
    protected override void RestoreState(JsonObject state)
    {
        var highest = Prosjekter.Table.All().Select(p => p["PostId"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0).DefaultIfEmpty(0).Max();
        _lastPostId = Math.Max(state.ReadInt("lastPostId"), highest);
    }
}
