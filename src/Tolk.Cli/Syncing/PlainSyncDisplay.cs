using System.Diagnostics;
using Spectre.Console;
using Tolk.Cli.Output;
using Tolk.Engine.Running;

namespace Tolk.Cli.Syncing;

/// <summary>Plain lines for redirected output: a progress line every ten seconds, one per cycle, the table at the end.</summary>
internal sealed class PlainSyncDisplay : SyncDisplay
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public override async Task<SettleResult> SettleAsync(FlowProbe probe, Func<Action<int, CycleReport>, Task<SettleResult>> settle, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Console.WriteLine("Initial sync: reading every system, linking records and writing what is missing.");
        var work = settle((cycle, report) =>
        {
            Table.Add(report);
            var total = report.Total();
            Console.WriteLine($"Cycle {cycle} done in {Ago.Span(report.Elapsed)}: {report.Writes:N0} write(s) ({total.Inserted:N0} inserted, {total.Updated:N0} updated), {total.Matched:N0} matched, {report.Waiting.Count:N0} waiting, {total.Errors:N0} error(s).");
        });
        while (await Task.WhenAny(work, Task.Delay(Every, CancellationToken.None)) != work)
        {
            var flows = await probe.ReadAsync(cancellationToken);
            Console.WriteLine($"  {Ago.Span(clock.Elapsed)}: {probe.Records:N0} records read, {flows.Sum(f => f.Links):N0} links ({flows.Sum(f => f.Matched):N0} matched, {flows.Sum(f => f.Inserted):N0} inserted), {probe.OpenErrors:N0} error(s)");
        }

        return await work;
    }

    /// <inheritdoc />
    public override async Task SettledAsync(SettleResult result, FlowProbe probe)
    {
        var flows = await probe.ReadAsync(CancellationToken.None);
        AnsiConsole.Write(Table.Render(flows));
        Console.WriteLine(SyncMessages.Settled(result, flows, Table));
        foreach (var reason in result.Reasons())
        {
            Console.WriteLine($"  - {reason}");
        }

        if (SyncMessages.ErrorsHint(probe.OpenErrors) is { } hint)
        {
            Console.WriteLine(hint);
        }
    }

    /// <inheritdoc />
    public override Task RunAsync(FlowProbe probe, Func<Func<ContinuousCycle, Task>, Task> run, CancellationToken cancellationToken) =>
        run(cycle =>
        {
            Table.Add(cycle.Report);
            if (SyncMessages.Cycle(cycle.Report, DateTimeOffset.Now) is { } line)
            {
                Console.WriteLine(line);
            }

            if (cycle.Reached is not null)
            {
                Console.WriteLine(SyncMessages.Reached(cycle, DateTimeOffset.Now));
            }

            return Task.CompletedTask;
        });

    /// <inheritdoc />
    public override void Line(string text) => Console.WriteLine(text);

    /// <inheritdoc />
    public override void Event(string name, string text, object? data = null) => Console.WriteLine(text);
}
