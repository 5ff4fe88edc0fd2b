using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tolk.Engine;
using Tolk.Engine.Running;
using Tolk.Hub.Store;

namespace Tolk.Runtime;

/// <summary>
/// Keeps the engine syncing in two lanes that run side by side: one for what webhooks (or a person) name, run as soon
/// as it is asked, and one that reads each system when its poll interval is due. Within a lane cycles never overlap, and
/// requests that arrive during one are merged into the next; across lanes, the engine lets reads overlap and takes the
/// cycles' processing in turn, so a webhook's change never waits behind a slow poll of another system. Every cycle's
/// report is published to <see cref="CycleCompleted"/>, one at a time.
/// </summary>
public sealed class SyncRunner(SyncEngine engine, SyncRunnerOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
{
    private readonly SyncRunnerOptions _options = options ?? new SyncRunnerOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly Channel<CollectRequest> _triggers = Channel.CreateUnbounded<CollectRequest>();
    private readonly Dictionary<string, DateTimeOffset> _lastRead = new(StringComparer.Ordinal);
    private readonly Lock _publish = new();

    /// <summary>Raised after every cycle, one report at a time, on the thread of the lane that ran it.</summary>
    public event Action<CycleReport>? CycleCompleted;

    /// <summary>The figures of every cycle since start, per flow.</summary>
    public CycleReport Totals { get; } = new();

    /// <summary>The last cycle's report, or null before the first.</summary>
    public CycleReport? Last { get; private set; }

    /// <summary>When each system's change feeds were last read.</summary>
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

    /// <summary>Asks for a cycle that reads <paramref name="datasets"/> now (a person or a delivery named them).</summary>
    public void Trigger(params Dataset[] datasets) => Trigger(new CollectRequest(datasets));

    /// <summary>Asks for a cycle that reads what <paramref name="request"/> names now (a webhook delivery's records).</summary>
    public void Trigger(CollectRequest request) => _triggers.Writer.TryWrite(request);

    /// <summary>Asks for a cycle that reads every dataset of <paramref name="system"/> now.</summary>
    public void TriggerSystem(string system) => Trigger([.. engine.Topology.Datasets.Where(d => d.System == system)]);

    /// <summary>Runs one cycle over everything now (the initial sync, `tolk sync --once`).</summary>
    public Task<CycleReport> RunOnceAsync(CancellationToken cancellationToken = default) =>
        RunCycleAsync(new CollectRequest(engine.Topology.Datasets), cancellationToken);

    /// <summary>Syncs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(TriggeredAsync(cancellationToken), PolledAsync(cancellationToken));

    private async Task TriggeredAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _triggers.Reader.WaitToReadAsync(cancellationToken))
            {
                var request = new CollectRequest();
                while (_triggers.Reader.TryRead(out var triggered))
                {
                    request.Add(triggered);
                }

                await RunGuardedAsync(request, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task PolledAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var due = DueDatasets();
                if (due.Count > 0)
                {
                    await RunGuardedAsync(new CollectRequest(due), cancellationToken);
                    continue;
                }

                await Task.Delay(NextDue(), _time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunGuardedAsync(CollectRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await RunCycleAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed cycle is logged and the next one runs: the runner must not stop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "A sync cycle failed; the next one will try again");
        }
    }

    private async Task<CycleReport> RunCycleAsync(CollectRequest request, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var report = await engine.RunCycleAsync(request, cancellationToken);
        lock (_lastRead)
        {
            // What was asked of the change feeds, and the named records the engine read through them.
            foreach (var system in request.Datasets.Select(d => d.System).Concat(report.Collected.Where(c => !c.ById).Select(c => c.Dataset.System)).Distinct())
            {
                _lastRead[system] = started;
            }
        }

        lock (_publish)
        {
            lock (Totals)
            {
                Totals.AddFigures(report);
            }

            Last = report;
            CycleCompleted?.Invoke(report);
        }

        return report;
    }

    private HashSet<Dataset> DueDatasets()
    {
        var now = _time.GetUtcNow();
        var due = new HashSet<Dataset>();
        lock (_lastRead)
        {
            foreach (var group in engine.Topology.Datasets.GroupBy(d => d.System))
            {
                if (!_lastRead.TryGetValue(group.Key, out var last) || now - last >= Interval(group.Key))
                {
                    due.UnionWith(group);
                }
            }
        }

        return due;
    }

    private TimeSpan NextDue()
    {
        var now = _time.GetUtcNow();
        TimeSpan next;
        lock (_lastRead)
        {
            next = engine.Topology.Datasets.Select(d => d.System).Distinct()
                .Select(s => (_lastRead.TryGetValue(s, out var last) ? last + Interval(s) : now) - now)
                .DefaultIfEmpty(_options.PollInterval)
                .Min();
        }

        return next < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : next;
    }

    private TimeSpan Interval(string system) =>
        _options.Intervals.TryGetValue(system, out var interval) ? interval
        : _options.WebhookSystems.Contains(system) ? _options.WebhookSystemPollInterval
        : _options.PollInterval;
}
