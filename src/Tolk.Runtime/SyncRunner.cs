using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tolk.Engine;
using Tolk.Engine.Running;
using Tolk.Hub.Store;

namespace Tolk.Runtime;

/// <summary>
/// Keeps the engine syncing: a cycle for the datasets a webhook (or a person) names as soon as it is asked, and a cycle
/// for each system when its poll interval is due. Cycles never overlap; triggers that arrive during one are merged into
/// the next. Every cycle's report is published to <see cref="CycleCompleted"/>.
/// </summary>
public sealed class SyncRunner(SyncEngine engine, SyncRunnerOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
{
    private readonly SyncRunnerOptions _options = options ?? new SyncRunnerOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly Channel<Dataset[]> _triggers = Channel.CreateUnbounded<Dataset[]>();
    private readonly Dictionary<string, DateTimeOffset> _lastRead = new(StringComparer.Ordinal);

    /// <summary>Raised after every cycle, on the runner's thread.</summary>
    public event Action<CycleReport>? CycleCompleted;

    /// <summary>The figures of every cycle since start, per flow.</summary>
    public CycleReport Totals { get; } = new();

    /// <summary>The last cycle's report, or null before the first.</summary>
    public CycleReport? Last { get; private set; }

    /// <summary>When each system was last read.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastRead
    {
        get
        {
            lock (_lastRead)
            {
                return new Dictionary<string, DateTimeOffset>(_lastRead);
            }
        }
    }

    /// <summary>Asks for a cycle that reads <paramref name="datasets"/> now (a webhook delivery named them).</summary>
    public void Trigger(params Dataset[] datasets) => _triggers.Writer.TryWrite(datasets);

    /// <summary>Asks for a cycle that reads every dataset of <paramref name="system"/> now.</summary>
    public void TriggerSystem(string system) => Trigger([.. engine.Topology.Datasets.Where(d => d.System == system)]);

    /// <summary>Runs one cycle over everything now (the initial sync, `tolk sync --once`).</summary>
    public async Task<CycleReport> RunOnceAsync(CancellationToken cancellationToken = default) =>
        await RunCycleAsync([.. engine.Topology.Datasets], cancellationToken);

    /// <summary>Syncs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = DueDatasets();
            while (_triggers.Reader.TryRead(out var triggered))
            {
                due.UnionWith(triggered);
            }

            if (due.Count > 0)
            {
                try
                {
                    await RunCycleAsync(due, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A failed cycle is logged and the next one runs: the runner must not stop.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _logger.LogError(ex, "A sync cycle failed; the next one will try again");
                }

                continue;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(NextDue());
            try
            {
                var triggered = await _triggers.Reader.ReadAsync(wait.Token);
                _triggers.Writer.TryWrite(triggered);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<CycleReport> RunCycleAsync(IReadOnlyCollection<Dataset> datasets, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var report = await engine.RunCycleAsync(datasets, collect: true, cancellationToken);
        lock (_lastRead)
        {
            foreach (var system in datasets.Select(d => d.System).Distinct())
            {
                _lastRead[system] = started;
            }
        }

        lock (Totals)
        {
            Totals.AddFigures(report);
        }

        Last = report;
        CycleCompleted?.Invoke(report);
        return report;
    }

    private HashSet<Dataset> DueDatasets()
    {
        var now = _time.GetUtcNow();
        var due = new HashSet<Dataset>();
        foreach (var group in engine.Topology.Datasets.GroupBy(d => d.System))
        {
            if (!_lastRead.TryGetValue(group.Key, out var last) || now - last >= Interval(group.Key))
            {
                due.UnionWith(group);
            }
        }

        return due;
    }

    private TimeSpan NextDue()
    {
        var now = _time.GetUtcNow();
        var next = engine.Topology.Datasets.Select(d => d.System).Distinct()
            .Select(s => (_lastRead.TryGetValue(s, out var last) ? last + Interval(s) : now) - now)
            .DefaultIfEmpty(_options.PollInterval)
            .Min();
        return next < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : next;
    }

    private TimeSpan Interval(string system) =>
        _options.Intervals.TryGetValue(system, out var interval) ? interval
        : _options.WebhookSystems.Contains(system) ? _options.WebhookSystemPollInterval
        : _options.PollInterval;
}
