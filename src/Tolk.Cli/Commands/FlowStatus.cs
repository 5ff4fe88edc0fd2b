using System.Globalization;
using System.Text.Json.Nodes;
using Tolk.Cli.Syncing;
using Tolk.Engine.Running;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Cli.Commands;

/// <summary>One flow in <c>tolk status</c>.</summary>
/// <param name="Number">The flow's number.</param>
/// <param name="Source">The source mapping.</param>
/// <param name="Target">The target mapping.</param>
/// <param name="Paused">Whether the flow is paused (in flows.yaml, or at run time).</param>
/// <param name="Links">Links between the flow's source and target records.</param>
/// <param name="Matched">Links made by a merge criterion.</param>
/// <param name="Inserted">Links where Tolk created one side.</param>
/// <param name="ByHand">Links a person made.</param>
/// <param name="SourceRecords">Live source records.</param>
/// <param name="Pending">Source records not linked yet.</param>
/// <param name="LastRun">When a cycle last read or planned the flow.</param>
/// <param name="LagSeconds">Age of the oldest change read but not yet processed, in seconds; 0 when caught up.</param>
/// <param name="Unprocessed">Versions of the flow's records read but not yet processed.</param>
/// <param name="Errors">Unresolved errors of the flow's records.</param>
internal sealed record FlowStatus(int Number, string Source, string Target, bool Paused, int Links, int Matched, int Inserted, int ByHand,
    int SourceRecords, int Pending, DateTimeOffset? LastRun, double LagSeconds, int Unprocessed, int Errors)
{
    private const int CountLimit = 10_000;

    /// <summary>Every flow of <paramref name="configuration"/> as the store shows it.</summary>
    public static async Task<IReadOnlyList<FlowStatus>> ReadAsync(IHubStore store, SyncConfiguration configuration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var flows = await new FlowProbe(store, configuration).ReadAsync(cancellationToken);
        var runs = await RunLog.LoadAsync(store, cancellationToken);
        var position = await EnginePositionAsync(store, cancellationToken);
        var paused = await RunTimePausedAsync(store, cancellationToken);
        var lag = new Dictionary<Dataset, (double Seconds, int Count)>();
        var result = new List<FlowStatus>();
        foreach (var flow in flows)
        {
            var definition = configuration.Flow(flow.Number)!;
            var (seconds, count) = (0.0, 0);
            foreach (var mapping in new[] { definition.Source, definition.Target })
            {
                var dataset = new Dataset(mapping.System, mapping.Datatype);
                if (!lag.TryGetValue(dataset, out var behind))
                {
                    var unprocessed = await store.ReadLogAsync(dataset, position, CountLimit, cancellationToken);
                    lag[dataset] = behind = (unprocessed.Count == 0 ? 0 : Math.Max(0, (now - unprocessed[0].ObservedAt).TotalSeconds), unprocessed.Count);
                }

                (seconds, count) = (Math.Max(seconds, behind.Seconds), count + behind.Count);
            }

            result.Add(new FlowStatus(flow.Number, flow.Source, flow.Target, paused.GetValueOrDefault(flow.Number) ?? definition.Definition.Paused,
                flow.Links, flow.Matched, flow.Inserted, flow.ByHand, flow.SourceRecords, flow.Pending, runs.Flow(flow.Number)?.LastRun,
                Math.Round(seconds, 1), count, flow.Errors));
        }

        return result;
    }

    // The engine's saved position in the hub log (cursor engine:position): versions after it are read but not processed.
    private static async Task<long> EnginePositionAsync(IHubStore store, CancellationToken cancellationToken) =>
        await store.GetCursorAsync("engine:position", cancellationToken) is { } cursor && JsonNode.Parse(cursor.Value) is JsonObject root
            ? (long?)root["seq"] ?? 0
            : 0;

    private static async Task<Dictionary<int, bool?>> RunTimePausedAsync(IHubStore store, CancellationToken cancellationToken)
    {
        var paused = new Dictionary<int, bool?>();
        if (await store.GetCursorAsync(FlowControl.CursorKey, cancellationToken) is { } cursor && JsonNode.Parse(cursor.Value) is JsonObject root)
        {
            foreach (var (number, state) in root)
            {
                if (int.TryParse(number, CultureInfo.InvariantCulture, out var n))
                {
                    paused[n] = (bool?)state?["paused"];
                }
            }
        }

        return paused;
    }
}
