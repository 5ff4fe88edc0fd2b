using Tolk.Cli.Output;
using Tolk.Engine.Running;

namespace Tolk.Cli.Syncing;

/// <summary>One JSON object per line: an event per cycle, the outcome of the initial sync, and whatever else happens.</summary>
internal sealed class JsonSyncDisplay : SyncDisplay
{
    /// <inheritdoc />
    public override Task<SettleResult> SettleAsync(FlowProbe probe, Func<Action<int, CycleReport>, Task<SettleResult>> settle, CancellationToken cancellationToken) =>
        settle((cycle, report) =>
        {
            Table.Add(report);
            Out.JsonLine(new { Event = "cycle", Phase = "initial", Cycle = cycle, Report = CycleJson(report) });
        });

    /// <inheritdoc />
    public override async Task SettledAsync(SettleResult result, FlowProbe probe)
    {
        var flows = await probe.ReadAsync(CancellationToken.None);
        Out.JsonLine(new
        {
            Event = result.Settled ? "synchronized" : "notSynchronized",
            Fully = result.State == SettleState.FullySynchronized,
            WaitingForPerson = result.State == SettleState.WaitingForPerson ? result.Last.Waiting.Count : 0,
            result.OpenErrors,
            result.Cycles,
            ElapsedSeconds = Math.Round(result.Elapsed.TotalSeconds, 1),
            Reasons = result.Reasons(),
            Flows = flows.Select(f => new
            {
                f.Number, f.Source, f.Target, f.SourceRecords, f.TargetRecords, f.Linked, f.Pending, f.Matched, f.Inserted, f.ByHand,
                Updated = Table.Of(f.Number).Updated, Waiting = Table.Of(f.Number).Waiting, f.Errors,
            }),
        });
    }

    /// <inheritdoc />
    public override Task RunAsync(FlowProbe probe, Func<Func<ContinuousCycle, Task>, Task> run, CancellationToken cancellationToken) =>
        run(cycle =>
        {
            Table.Add(cycle.Report);
            if (SyncMessages.Cycle(cycle.Report, DateTimeOffset.Now) is not null)
            {
                Out.JsonLine(new { Event = "cycle", Phase = "continuous", Cycle = Table.Cycles, Report = CycleJson(cycle.Report) });
            }

            if (cycle.Reached is { } state)
            {
                Out.JsonLine(new
                {
                    Event = "synchronized",
                    Phase = "continuous",
                    Fully = state == SettleState.FullySynchronized,
                    WaitingForPerson = state == SettleState.WaitingForPerson ? cycle.Report.Waiting.Count : 0,
                    cycle.OpenErrors,
                    Message = SyncMessages.Reached(cycle, DateTimeOffset.Now),
                });
            }

            return Task.CompletedTask;
        });

    /// <inheritdoc />
    public override void Line(string text)
    {
    }

    /// <inheritdoc />
    public override void Event(string name, string text, object? data = null) => Out.JsonLine(new { Event = name, Message = text, Data = data });

    private static object CycleJson(CycleReport report) => new
    {
        report.Writes,
        report.Processed,
        ElapsedSeconds = Math.Round(report.Elapsed.TotalSeconds, 1),
        Waiting = report.Waiting.Count,
        report.BlockedSystems,
        Stopped = report.Collected.Where(c => c.Stopped is not null).Select(c => new { Dataset = c.Dataset.ToString(), c.Stopped!.Kind, c.Stopped.Message }),
        Flows = report.Flows.Select(f => new
        {
            Number = f.Key, f.Value.Read, f.Value.Matched, f.Value.Inserted, f.Value.Updated, f.Value.Waiting, f.Value.Errors, f.Value.Conflicts,
            f.Value.Unlinked, f.Value.Deleted,
        }),
    };
}
