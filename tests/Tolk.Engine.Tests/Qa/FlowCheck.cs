using System.Text.Json.Nodes;
using Tolk.Engine.Running;
using Tolk.Engine.Tests.Harness;
using Tolk.Hub.Store;

namespace Tolk.Engine.Tests.Qa;

/// <summary>A source record and the target record it is linked to, in one cluster.</summary>
/// <param name="SourceId">The source record.</param>
/// <param name="TargetId">The target record.</param>
/// <param name="ClusterId">Their cluster.</param>
public sealed record Pair(string SourceId, string TargetId, long ClusterId);

/// <summary>
/// The steps of the QA checklist for one flow, against the emulators: a person makes and edits records through the
/// admin channel, the engine syncs, and the steps read back what each system holds. Syncs collect only the datasets of
/// the flow (and those named in <c>also</c>), so a step costs a fraction of a second; chains and the no-write check run
/// full cycles.
/// </summary>
public sealed partial class FlowCheck(SyncHarness harness, int flow, Side source, Side target, params Side[] also)
{
    /// <summary>Where each sync writes what it did and how long it took (the test's output).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The harness.</summary>
    public SyncHarness Harness => harness;

    /// <summary>The flow number.</summary>
    public int Flow => flow;

    /// <summary>The flow's source.</summary>
    public Side Source => source;

    /// <summary>The flow's target.</summary>
    public Side Target => target;

    /// <summary>Runs cycles that collect the flow's datasets until one makes no write; returns every cycle's report.</summary>
    public async Task<IReadOnlyList<CycleReport>> SyncAsync()
    {
        var datasets = new[] { source, target }.Concat(also).Select(s => s.Dataset).Distinct().ToList();
        return await CyclesAsync(datasets);
    }

    /// <summary>Runs full cycles (every dataset collected) until one makes no write.</summary>
    public Task<IReadOnlyList<CycleReport>> SyncAllAsync() => CyclesAsync(null);

    /// <summary>Creates a record as a person would.</summary>
    public async Task<JsonObject> CreateAsync(Side side, JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(side);
        return await harness.Admin(side.System).CreateAsync(side.Collection, fields);
    }

    /// <summary>Edits a record as a person would.</summary>
    public async Task<JsonObject> EditAsync(Side side, string id, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(side);
        return await harness.Admin(side.System).EditAsync(side.Collection, id, patch);
    }

    /// <summary>Deletes a record as a person would.</summary>
    public async Task DeleteAsync(Side side, string id)
    {
        ArgumentNullException.ThrowIfNull(side);
        await harness.Admin(side.System).DeleteAsync(side.Collection, id);
    }

    /// <summary>A record as its system holds it now, or null when it is gone.</summary>
    public async Task<JsonObject?> FindAsync(Side side, string id)
    {
        ArgumentNullException.ThrowIfNull(side);
        return await harness.Admin(side.System).GetAsync(side.Collection, id);
    }

    /// <summary>A record as its system holds it now.</summary>
    public async Task<JsonObject> GetAsync(Side side, string id) =>
        await FindAsync(side, id) ?? throw new InvalidOperationException($"{side} {id} is gone");

    /// <summary>Every record of a side's collection.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(Side side)
    {
        ArgumentNullException.ThrowIfNull(side);
        return await harness.Admin(side.System).ListAsync(side.Collection);
    }

    /// <summary>The cluster a record belongs to in its side's role, or null.</summary>
    public async Task<long?> ClusterOfAsync(Side side, string id)
    {
        ArgumentNullException.ThrowIfNull(side);
        return (await harness.Store.FindMembersAsync(side.Dataset, id)).FirstOrDefault(m => m.Role == side.Role)?.ClusterId;
    }

    /// <summary>The record of <paramref name="to"/> linked to record <paramref name="id"/> of <paramref name="from"/>, or null.</summary>
    public async Task<string?> LinkedAsync(Side from, string id, Side to)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (await ClusterOfAsync(from, id) is not { } clusterId || await harness.Store.GetClusterAsync(clusterId) is not { } cluster)
        {
            return null;
        }

        return cluster.Members.Where(m => m.Dataset == to.Dataset && m.Role == to.Role).Select(m => m.RecordId).SingleOrDefault();
    }

    /// <summary>What the hub knows of a record that did not sync as expected: its memberships, errors and waiting writes.</summary>
    public async Task<string> DescribeAsync(Side side, string id, IEnumerable<CycleReport>? reports = null)
    {
        ArgumentNullException.ThrowIfNull(side);
        var lines = new List<string> { $"{side} {id}:" };
        foreach (var member in await harness.Store.FindMembersAsync(side.Dataset, id))
        {
            var cluster = await harness.Store.GetClusterAsync(member.ClusterId);
            lines.Add($"  cluster {member.ClusterId} ({member.Role}): {string.Join(", ", cluster?.Members.Select(m => m.Key) ?? [])}; golden {cluster?.GoldenRecord}");
        }

        var records = new HashSet<(Dataset, string)> { (side.Dataset, id) };
        foreach (var member in await harness.Store.FindMembersAsync(side.Dataset, id))
        {
            records.UnionWith((await harness.Store.GetClusterAsync(member.ClusterId))?.Members.Select(m => (m.Dataset, m.RecordId)) ?? []);
        }

        lines.AddRange((await harness.Store.GetErrorsAsync(false, 1000)).Where(e => records.Contains((e.Dataset, e.RecordId)) || e.RecordId.Contains("(new", StringComparison.Ordinal))
            .Select(e => $"  error {e.Dataset} {e.RecordId} {e.Stage} {e.Field}: {e.Message}"));
        lines.AddRange((reports ?? []).SelectMany(r => r.Waiting).Select(w => $"  waiting: {w}"));
        return string.Join(Environment.NewLine, lines);
    }

    private async Task<IReadOnlyList<CycleReport>> CyclesAsync(List<Dataset>? datasets)
    {
        var reports = new List<CycleReport>();
        for (var i = 0; i < 5; i++)
        {
            var marks = await CallMarksAsync();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var report = await harness.Engine.RunCycleAsync(datasets);
            reports.Add(report);
            Log?.Invoke($"cycle ({(datasets is null ? "all" : datasets.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} datasets): {report.Processed} versions, {report.Writes} writes, {report.Waiting.Count} waiting, {clock.ElapsedMilliseconds} ms");
            if (clock.Elapsed > TimeSpan.FromSeconds(3))
            {
                foreach (var (system, call) in await CallsSinceAsync(marks))
                {
                    Log?.Invoke($"  {system}: {call.At:HH:mm:ss.fff} {call.Method} {call.Path} {call.Status} {call.DurationMs:0} ms {call.Fault}");
                }
            }
            if (report.Writes == 0)
            {
                break;
            }
        }

        return reports;
    }
}
