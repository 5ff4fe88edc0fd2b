using System.Globalization;
using System.Text.Json;
using Tolk.Engine.Running;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Cli.Syncing;

/// <summary>One flow's last cycle: when it ran and what it did.</summary>
internal sealed record FlowRun(DateTimeOffset LastRun, int Read, int Matched, int Inserted, int Updated, int Waiting, int Errors, int Conflicts);

/// <summary>
/// What the last sync cycles did, kept in the hub store (cursor <c>tolk:runs</c>) so that <c>tolk status</c> can say
/// when each flow last ran and when each system was last read, from another process and after a restart.
/// </summary>
internal sealed class RunLog
{
    /// <summary>The cursor key.</summary>
    public const string CursorKey = "tolk:runs";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>When the last cycle ended.</summary>
    public DateTimeOffset? LastCycle { get; set; }

    /// <summary>Cycles run on this store.</summary>
    public long Cycles { get; set; }

    /// <summary>Each flow's last cycle, by number.</summary>
    public Dictionary<string, FlowRun> Flows { get; set; } = [];

    /// <summary>When each system was last read, by name.</summary>
    public Dictionary<string, DateTimeOffset> Systems { get; set; } = [];

    /// <summary>A flow's last cycle, or null when it has not run.</summary>
    public FlowRun? Flow(int number) => Flows.GetValueOrDefault(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads the log from the store (empty when no cycle has run).</summary>
    public static async Task<RunLog> LoadAsync(IHubStore store, CancellationToken cancellationToken)
    {
        var cursor = await store.GetCursorAsync(CursorKey, cancellationToken);
        try
        {
            return cursor is null ? new RunLog() : JsonSerializer.Deserialize<RunLog>(cursor.Value, Json) ?? new RunLog();
        }
        catch (JsonException)
        {
            // Written by another version of tolk: the next cycle writes it anew.
            return new RunLog();
        }
    }

    /// <summary>Records a cycle that ended at <paramref name="at"/> and saves the log.</summary>
    public async Task RecordAsync(IHubStore store, SyncConfiguration configuration, CycleReport report, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(report);
        LastCycle = at;
        Cycles++;
        var collected = report.Collected.Select(c => c.Dataset).ToHashSet();
        foreach (var system in collected.Select(d => d.System).Distinct())
        {
            Systems[system] = at;
        }

        foreach (var flow in configuration.Flows)
        {
            var touched = report.Flows.TryGetValue(flow.Number, out var stats)
                || collected.Contains(new Dataset(flow.Source.System, flow.Source.Datatype))
                || collected.Contains(new Dataset(flow.Target.System, flow.Target.Datatype));
            if (touched)
            {
                stats ??= new FlowStats();
                Flows[flow.Number.ToString(CultureInfo.InvariantCulture)] =
                    new FlowRun(at, stats.Read, stats.Matched, stats.Inserted, stats.Updated, stats.Waiting, stats.Errors, stats.Conflicts);
            }
        }

        await store.SaveCursorAsync(new HubCursor(CursorKey, JsonSerializer.Serialize(this, Json)), cancellationToken);
    }
}
