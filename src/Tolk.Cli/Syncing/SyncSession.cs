using System.Diagnostics;
using System.Threading.Channels;
using Tolk.Engine;
using Tolk.Engine.Running;
using Tolk.Hub.Store;
using Tolk.Runtime;
using Tolk.Sync.Configuration;

namespace Tolk.Cli.Syncing;

/// <summary>
/// The engine at work for <c>tolk demo</c>, <c>run</c> and <c>sync</c>: the initial sync until a cycle has nothing left
/// to do, then (for demo and run) continuous syncing through the <see cref="SyncRunner"/>. Every cycle is recorded in
/// the store's <see cref="RunLog"/>.
/// </summary>
internal sealed class SyncSession(SyncEngine engine, IHubStore store, SyncConfiguration configuration, SyncRunnerOptions runnerOptions)
{
    private readonly TimeProvider _time = TimeProvider.System;
    private RunLog? _log;

    /// <summary>The runner.</summary>
    public SyncRunner Runner { get; } = new(engine, runnerOptions, logger: Output.ErrorLogger.Instance);

    /// <summary>The store.</summary>
    public IHubStore Store => store;

    /// <summary>The configuration.</summary>
    public SyncConfiguration Configuration => configuration;

    /// <summary>
    /// Runs cycles over everything until one makes no write and leaves nothing waiting (at most <paramref name="maxCycles"/>;
    /// it stops early when two cycles in a row change nothing, since more would not either).
    /// </summary>
    public async Task<SettleResult> SettleAsync(int maxCycles, Action<int, CycleReport> onCycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onCycle);
        var clock = Stopwatch.StartNew();
        var total = new CycleReport();
        CycleReport? last = null;
        var idle = 0;
        for (var cycle = 1; cycle <= maxCycles; cycle++)
        {
            var previous = last;
            last = await Runner.RunOnceAsync(cancellationToken);
            Add(total, last);
            await RecordAsync(last, cancellationToken);
            onCycle(cycle, last);
            var pending = (await store.GetPendingIntentsAsync(cancellationToken)).Count;
            var errors = (await store.GetErrorsAsync(false, 1_000_000, cancellationToken)).Count;

            // Waiting for a person: the same writes wait as a cycle ago, nothing else moved, and records wait for a person.
            if (SettleRules.Judge(last, previous, pending, errors) is var state and not SettleState.NotSynchronized)
            {
                return new SettleResult(state, cycle, total, last, 0, errors, clock.Elapsed);
            }

            idle = last.Writes == 0 ? idle + 1 : 0;
            if (idle >= 3 || cycle == maxCycles)
            {
                return new SettleResult(SettleState.NotSynchronized, cycle, total, last, pending, errors, clock.Elapsed);
            }
        }

        return new SettleResult(SettleState.NotSynchronized, 0, total, last ?? new CycleReport(), 0, 0, clock.Elapsed);
    }

    /// <summary>
    /// Syncs until cancelled, calling <paramref name="onCycle"/> after each cycle (on a thread of its own, in order). Each
    /// cycle is judged by the rules the initial sync ended by (which left it in <paramref name="settled"/>), so that, when
    /// a person links what only a person can, the cycle that syncs what waited says the sync is now complete.
    /// </summary>
    public async Task RunContinuouslyAsync(SettleState settled, Func<ContinuousCycle, Task> onCycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onCycle);
        var reports = Channel.CreateUnbounded<CycleReport>();
        void Completed(CycleReport report) => reports.Writer.TryWrite(report);
        Runner.CycleCompleted += Completed;
        var consumer = Task.Run(async () =>
        {
            var (said, previous) = (settled, (CycleReport?)null);
            await foreach (var report in reports.Reader.ReadAllAsync(CancellationToken.None))
            {
                await RecordAsync(report, CancellationToken.None);
                var (state, errors) = await JudgeAsync(report, previous);
                var reached = state != SettleState.NotSynchronized && state != said ? state : (SettleState?)null;
                said = reached ?? said;
                previous = report;
                await onCycle(new ContinuousCycle(report, reached, errors));
            }
        }, CancellationToken.None);
        try
        {
            await Runner.RunAsync(cancellationToken);
        }
        finally
        {
            Runner.CycleCompleted -= Completed;
            reports.Writer.TryComplete();
            await consumer;
        }
    }

    // Only a quiet cycle can be judged anything but not synchronized: the counts are read for those alone.
    private async Task<(SettleState State, int Errors)> JudgeAsync(CycleReport report, CycleReport? previous)
    {
        if (report.Writes > 0)
        {
            return (SettleState.NotSynchronized, 0);
        }

        var pending = (await store.GetPendingIntentsAsync(CancellationToken.None)).Count;
        var errors = (await store.GetErrorsAsync(false, 1_000_000, CancellationToken.None)).Count;
        return (SettleRules.Judge(report, previous, pending, errors), errors);
    }

    private async Task RecordAsync(CycleReport report, CancellationToken cancellationToken)
    {
        _log ??= await RunLog.LoadAsync(store, cancellationToken);
        await _log.RecordAsync(store, configuration, report, _time.GetUtcNow(), cancellationToken);
    }

    private static void Add(CycleReport total, CycleReport report)
    {
        total.AddFigures(report);
        total.Collected.AddRange(report.Collected);
        total.BlockedSystems.UnionWith(report.BlockedSystems);
    }
}
