using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tolk.Engine.Running;
using Tolk.Hub.Store;

namespace Tolk.Server.Metrics;

/// <summary>
/// The sync loop's instruments, under the meter <see cref="MeterName"/>: cycles and their duration, changes per flow,
/// the lag since each system was last read, the datasets a webhook asked for that wait for a cycle (the queue), the
/// writes waiting for references, unresolved errors, webhook deliveries, and the time from a webhook to the end of the
/// cycle that read what it named.
/// </summary>
internal sealed class SyncMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Tolk.Sync";

    private readonly Meter _meter;
    private readonly ServerContext _context;
    private readonly Counter<long> _cycles;
    private readonly Histogram<double> _cycleSeconds;
    private readonly Counter<long> _changes;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _webhookLatency;
    private readonly ConcurrentDictionary<Dataset, long> _triggered = new();
    private long _unresolvedErrors;

    public SyncMetrics(ServerContext context, IMeterFactory meters)
    {
        _context = context;
        _meter = meters.Create(MeterName);
        _cycles = _meter.CreateCounter<long>("tolk.sync.cycles", "{cycle}", "Sync cycles run");
        _cycleSeconds = _meter.CreateHistogram<double>("tolk.sync.cycle.duration", "s", "How long a sync cycle took");
        _changes = _meter.CreateCounter<long>("tolk.sync.changes", "{change}", "What the cycles did, per flow and kind (matched, inserted, updated, deleted, conflicts, errors)");
        _deliveries = _meter.CreateCounter<long>("tolk.webhooks.received", "{delivery}", "Webhook deliveries, per system and outcome (accepted, handshake, rejected)");
        _webhookLatency = _meter.CreateHistogram<double>("tolk.sync.webhook_latency", "s", "From a webhook delivery to the end of the cycle that read what it named");
        _meter.CreateObservableGauge("tolk.sync.lag", ObserveLag, "s", "Time since each system was last read");
        _meter.CreateObservableGauge("tolk.sync.queue", () => _triggered.Count, "{dataset}", "Datasets a webhook asked to read that wait for a cycle");
        _meter.CreateObservableGauge("tolk.sync.waiting_writes", () => context.Runner.Last?.Waiting.Count ?? 0, "{write}", "Writes waiting for a referenced record to be linked");
        _meter.CreateObservableGauge("tolk.errors.unresolved", () => Interlocked.Read(ref _unresolvedErrors), "{error}", "Errors waiting for a person");
        context.Runner.CycleCompleted += OnCycle;
    }

    /// <summary>When the last cycle ended; null before the first.</summary>
    public DateTimeOffset? LastCycleAt { get; private set; }

    /// <summary>Datasets a webhook asked for that no cycle has read yet.</summary>
    public int QueueDepth => _triggered.Count;

    /// <summary>Counts a webhook delivery.</summary>
    public void Delivery(string system, string outcome) =>
        _deliveries.Add(1, new TagList { { "system", system }, { "outcome", outcome } });

    /// <summary>Notes when a webhook asked for <paramref name="datasets"/> (the first ask counts until a cycle reads them).</summary>
    public void Triggered(IEnumerable<Dataset> datasets)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var dataset in datasets)
        {
            _triggered.TryAdd(dataset, now);
        }
    }

    /// <summary>The latest count of unresolved errors (the change feed refreshes it after each cycle).</summary>
    public void UnresolvedErrors(long count) => Interlocked.Exchange(ref _unresolvedErrors, count);

    public void Dispose()
    {
        _context.Runner.CycleCompleted -= OnCycle;
        _meter.Dispose();
    }

    private void OnCycle(CycleReport report)
    {
        LastCycleAt = _context.Time.GetUtcNow();
        _cycles.Add(1);
        _cycleSeconds.Record(report.Elapsed.TotalSeconds);
        foreach (var collected in report.Collected)
        {
            if (_triggered.TryRemove(collected.Dataset, out var since))
            {
                _webhookLatency.Record(Stopwatch.GetElapsedTime(since).TotalSeconds, new TagList { { "system", collected.Dataset.System } });
            }
        }

        // A dataset no unpaused flow reads is never collected: it is not waiting for anything.
        foreach (var dataset in _triggered.Keys.Where(d => !_context.Engine.Control.IsRead(d)))
        {
            _triggered.TryRemove(dataset, out _);
        }

        foreach (var (flow, stats) in report.Flows)
        {
            Count(flow, "matched", stats.Matched);
            Count(flow, "inserted", stats.Inserted);
            Count(flow, "updated", stats.Updated);
            Count(flow, "deleted", stats.Deleted);
            Count(flow, "conflicts", stats.Conflicts);
            Count(flow, "errors", stats.Errors);
        }
    }

    private void Count(int flow, string kind, int value)
    {
        if (value > 0)
        {
            _changes.Add(value, new TagList { { "flow", flow }, { "kind", kind } });
        }
    }

    private IEnumerable<Measurement<double>> ObserveLag()
    {
        var now = _context.Time.GetUtcNow();
        foreach (var (system, last) in _context.Runner.LastRead)
        {
            yield return new Measurement<double>((now - last).TotalSeconds, new KeyValuePair<string, object?>("system", system));
        }
    }
}
