using System.Globalization;
using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Engine.Index;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Engine.Running;

/// <summary>
/// The per-flow switches as they stand now: paused (configured, or paused at run time), read-only target, sync
/// existing records (records first seen before the flow started are left alone when off), and the connectors'
/// capabilities. Run-time state is kept in the store (cursor <c>engine:flows</c>), so it survives a restart.
/// </summary>
public sealed class FlowControl
{
    /// <summary>The store key of the flows' run-time state.</summary>
    public const string CursorKey = "engine:flows";

    private readonly SyncTopology _topology;
    private readonly Dictionary<int, FlowState> _states = [];

    private sealed class FlowState
    {
        public long StartSeq { get; set; }

        public bool? Paused { get; set; }
    }

    private FlowControl(SyncTopology topology) => _topology = topology;

    /// <summary>Loads the flows' state; a flow seen for the first time starts at <paramref name="lastSeq"/>.</summary>
    public static async Task<FlowControl> LoadAsync(IHubStore store, SyncTopology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(topology);
        var control = new FlowControl(topology);
        var saved = await store.GetCursorAsync(CursorKey, cancellationToken);
        if (saved is not null && JsonNode.Parse(saved.Value) is JsonObject root)
        {
            foreach (var (number, node) in root)
            {
                if (int.TryParse(number, CultureInfo.InvariantCulture, out var n) && node is JsonObject state)
                {
                    control._states[n] = new FlowState { StartSeq = (long?)state["start"] ?? 0, Paused = (bool?)state["paused"] };
                }
            }
        }

        var lastSeq = await store.GetLastSeqAsync(cancellationToken);
        var added = false;
        foreach (var flow in topology.Configuration.Flows.Where(f => !control._states.ContainsKey(f.Number)))
        {
            control._states[flow.Number] = new FlowState { StartSeq = lastSeq };
            added = true;
        }

        if (added)
        {
            await control.SaveAsync(store, cancellationToken);
        }

        return control;
    }

    /// <summary>Whether a flow is paused (at run time, else as configured).</summary>
    public bool IsPaused(ResolvedFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return _states.GetValueOrDefault(flow.Number)?.Paused ?? flow.Definition.Paused;
    }

    /// <summary>Pauses or resumes a flow and saves the state.</summary>
    public async Task SetPausedAsync(IHubStore store, ResolvedFlow flow, bool paused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        _states[flow.Number].Paused = paused;
        await SaveAsync(store, cancellationToken);
    }

    /// <summary>
    /// Whether some flow still reads <paramref name="dataset"/>: a flow of its own, or, for a lookup (Crmoffice users),
    /// a flow of a participant whose references name its records.
    /// </summary>
    public bool IsRead(Dataset dataset) =>
        _topology.Of(dataset).SelectMany(p => p.IsLookup ? p.ReferencedBy.SelectMany(r => r.Flows) : p.Flows).Any(f => !IsPaused(f));

    /// <summary>Whether a linked record of <paramref name="participant"/> may be updated.</summary>
    public bool MayUpdate(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return participant.Can(Capabilities.Update)
            && participant.Flows.Any(f => !IsPaused(f) && (f.Source == participant.Mapping || !f.Definition.ReadOnlyTarget));
    }

    /// <summary>Whether <paramref name="flow"/> may create records in its target.</summary>
    public bool MayInsert(ResolvedFlow flow, Participant target)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(target);
        return !IsPaused(flow) && !flow.Definition.ReadOnlyTarget && target.Can(Capabilities.Create);
    }

    /// <summary>Whether a source record is one the flow syncs (all of them, or only those seen after it started).</summary>
    public bool IsNewEnough(ResolvedFlow flow, IndexedRecord record)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(record);
        return flow.Definition.SyncExisting || record.FirstSeq > _states[flow.Number].StartSeq;
    }

    /// <summary>Whether a deleted member's linked records are deleted (or archived) in the other side of <paramref name="flow"/>.</summary>
    public static bool Propagates(ResolvedFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return flow.Definition.Delete != DeletePolicy.Unlink;
    }

    private async Task SaveAsync(IHubStore store, CancellationToken cancellationToken)
    {
        var root = new JsonObject();
        foreach (var (number, state) in _states.OrderBy(s => s.Key))
        {
            root[number.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["start"] = state.StartSeq, ["paused"] = state.Paused };
        }

        await store.SaveCursorAsync(new HubCursor(CursorKey, root.ToJsonString()), cancellationToken);
    }
}
