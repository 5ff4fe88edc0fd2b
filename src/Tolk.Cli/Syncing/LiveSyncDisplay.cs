using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;
using Tolk.Cli.Output;
using Tolk.Engine.Running;

namespace Tolk.Cli.Syncing;

/// <summary>A live table on a terminal, refreshed from the hub store every second while the engine works.</summary>
internal sealed class LiveSyncDisplay : SyncDisplay
{
    private DateTimeOffset? _lastCycle;
    private string _lastLine = "";
    private SettleState _state = SettleState.NotSynchronized;
    private string _stateLine = "";

    /// <inheritdoc />
    public override async Task<SettleResult> SettleAsync(FlowProbe probe, Func<Action<int, CycleReport>, Task<SettleResult>> settle, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var flows = await probe.ReadAsync(cancellationToken);
        Task<SettleResult>? work = null;
        await AnsiConsole.Live(Initial(flows, clock.Elapsed)).AutoClear(true).StartAsync(async context =>
        {
            work = settle((_, report) => Table.Add(report));
            while (await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)) != work)
            {
                flows = await probe.ReadAsync(cancellationToken);
                context.UpdateTarget(Initial(flows, clock.Elapsed));
            }
        });
        return await work!;
    }

    /// <inheritdoc />
    public override async Task SettledAsync(SettleResult result, FlowProbe probe)
    {
        var flows = await probe.ReadAsync(CancellationToken.None);
        (_state, _stateLine) = (result.State, result.State switch
        {
            SettleState.FullySynchronized => SyncMessages.FullySynchronized,
            SettleState.WaitingForPerson => $"{SyncMessages.AsFarAsItCan}: {result.Last.Waiting.Count:N0} write(s) wait for records a person must link (the dashboard's 'Needs a person', or 'tolk link')",
            _ => "",
        });
        AnsiConsole.Write(Table.Render(flows));
        var colour = result.State == SettleState.FullySynchronized ? "green" : "yellow";
        AnsiConsole.MarkupLine($"[{colour}]{(result.State == SettleState.FullySynchronized ? "✔" : "!")}[/] {Markup.Escape(SyncMessages.Settled(result, flows, Table))}");
        foreach (var reason in result.Reasons())
        {
            AnsiConsole.MarkupLine($"  [yellow]-[/] {Markup.Escape(reason)}");
        }

        if (SyncMessages.ErrorsHint(probe.OpenErrors) is { } hint)
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(hint)}[/]");
        }
    }

    /// <inheritdoc />
    public override async Task RunAsync(FlowProbe probe, Func<Func<ContinuousCycle, Task>, Task> run, CancellationToken cancellationToken)
    {
        var flows = await probe.ReadAsync(cancellationToken);
        await AnsiConsole.Live(Continuous(flows)).AutoClear(false).StartAsync(async context =>
        {
            var work = run(cycle =>
            {
                Table.Add(cycle.Report);
                _lastCycle = DateTimeOffset.Now;
                _lastLine = SyncMessages.Cycle(cycle.Report, _lastCycle.Value) ?? _lastLine;
                if (cycle.Reached is { } state)
                {
                    (_state, _stateLine) = (state, SyncMessages.Reached(cycle, _lastCycle.Value));
                }

                return Task.CompletedTask;
            });
            while (await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)) != work)
            {
                flows = await probe.ReadAsync(CancellationToken.None);
                context.UpdateTarget(Continuous(flows));
            }

            await work;
        });
    }

    /// <inheritdoc />
    public override void Line(string text) => AnsiConsole.MarkupLine(Markup.Escape(text));

    /// <inheritdoc />
    public override void Event(string name, string text, object? data = null) => AnsiConsole.MarkupLine($"[bold]{Markup.Escape(text)}[/]");

    private Rows Initial(IReadOnlyList<FlowSnapshot> flows, TimeSpan elapsed)
    {
        var phase = Table.Cycles == 0 ? "reading every system, linking records and writing what is missing" : "checking that nothing is left to do";
        return new Rows(
            new Markup($"[bold]Initial sync[/] [grey]· cycle {Table.Cycles + 1} · {Ago.Span(elapsed)} · {Markup.Escape(phase)}[/]"),
            Table.Render(flows));
    }

    private Rows Continuous(IReadOnlyList<FlowSnapshot> flows)
    {
        var last = _lastCycle is { } at ? $"last cycle {Ago.Since(at, DateTimeOffset.Now)}" : "waiting for the first poll";
        IRenderable latest = _lastLine.Length > 0 ? new Markup($"[grey]latest change: {Markup.Escape(_lastLine)}[/]") : new Text("");
        IRenderable state = _state switch
        {
            SettleState.FullySynchronized => new Markup($"[green]✔[/] {Markup.Escape(_stateLine)}"),
            SettleState.WaitingForPerson => new Markup($"[yellow]![/] {Markup.Escape(_stateLine)}"),
            _ => new Text(""),
        };
        return new Rows(
            new Markup($"[bold]Syncing continuously[/] [grey]· {Table.Cycles} cycle(s) · {last} · Ctrl+C stops[/]"),
            state,
            Table.Render(flows),
            latest);
    }
}
