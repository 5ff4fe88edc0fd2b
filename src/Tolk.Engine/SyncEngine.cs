using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tolk.Connectors;
using Tolk.Engine.Applying;
using Tolk.Engine.Index;
using Tolk.Engine.Linking;
using Tolk.Engine.Planning;
using Tolk.Engine.Processing;
using Tolk.Engine.Running;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Engine;

/// <summary>
/// The sync engine: collects each flow's datatypes through their connectors into the hub log, processes new versions
/// into clusters and golden records, plans the writes that bring every linked record in line, and applies them.
/// Cycles may overlap while they read (each system's reads and writes take turns through <see cref="SystemLocks"/>), so
/// a webhook's read never waits behind another system's slow poll; processing, planning and applying are one cycle at a
/// time. Every piece of state lives in the hub store, so a restart resumes where the last cycle stopped.
/// </summary>
public sealed partial class SyncEngine : IDisposable
{
    private readonly IHubStore _store;
    private readonly IReadOnlyDictionary<string, IConnector> _connectors;
    private readonly SyncEngineOptions _options;
    private readonly ILogger _logger;
    private readonly EngineState _state;
    private readonly Processor _processor;
    private readonly Planner _planner;
    private readonly Applier _applier;
    private readonly MemberMerger _merger;
    private readonly ReferenceResolver _resolver;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SystemLocks _locks = new();

    private SyncEngine(SyncTopology topology, IHubStore store, IReadOnlyDictionary<string, IConnector> connectors, RecordIndex index, FlowControl control,
        EngineState state, SyncEngineOptions options, ILogger logger)
    {
        Topology = topology;
        Index = index;
        Control = control;
        _store = store;
        _connectors = connectors;
        _state = state;
        _options = options;
        _logger = logger;
        _resolver = new ReferenceResolver(store, topology, index);
        _merger = new MemberMerger(store, topology, _resolver);
        _applier = new Applier(store, topology, connectors, _locks, logger);
        var matcher = new Matcher(store, topology, index, _resolver, m => state.Unlinked.Contains(EngineState.Label(m)));
        var deletes = new DeleteHandler(store, topology, _applier, control, logger);
        var breaker = new MassDeleteBreaker(index) { Minimum = options.MassDeleteMinimum, Fraction = options.MassDeleteFraction };
        _processor = new Processor(store, topology, index, matcher, _merger, deletes, breaker);
        _planner = new Planner(store, topology, index, _resolver, control);
    }

    /// <summary>The flows as the engine sees them.</summary>
    public SyncTopology Topology { get; }

    /// <summary>The latest version of every record the flows read.</summary>
    public RecordIndex Index { get; }

    /// <summary>The flows' switches.</summary>
    public FlowControl Control { get; }

    /// <summary>Opens the engine on a store: loads its state and rebuilds the record index from the hub log.</summary>
    public static async Task<SyncEngine> OpenAsync(SyncConfiguration configuration, IHubStore store, IReadOnlyDictionary<string, IConnector> connectors,
        SyncEngineOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(connectors);
        var topology = new SyncTopology(configuration, connectors);
        var index = new RecordIndex(topology);
        var state = await EngineState.LoadAsync(store, cancellationToken);
        var control = await FlowControl.LoadAsync(store, topology, cancellationToken);
        for (var after = 0L; after < state.Position;)
        {
            var page = await store.ReadLogAsync(null, after, 5000, cancellationToken);
            foreach (var version in page.TakeWhile(v => v.Seq <= state.Position))
            {
                index.Apply(version);
            }

            after = page.Count == 0 ? state.Position : page[^1].Seq;
        }

        return new SyncEngine(topology, store, connectors, index, control, state, options ?? new SyncEngineOptions(), logger ?? NullLogger.Instance);
    }

    /// <summary>
    /// Runs one cycle: collects (all datasets the flows read, or <paramref name="datasets"/>; none when
    /// <paramref name="collect"/> is false), then resolves inserts whose outcome is unknown, processes, plans and applies
    /// until nothing is left to do.
    /// </summary>
    public Task<CycleReport> RunCycleAsync(IReadOnlyCollection<Dataset>? datasets = null, bool collect = true, CancellationToken cancellationToken = default) =>
        RunCycleAsync(collect ? new CollectRequest(datasets ?? Topology.Datasets) : new CollectRequest(), cancellationToken);

    /// <summary>
    /// Runs one cycle: collects what <paramref name="request"/> names (beside other cycles' reads), then, one cycle at
    /// a time, resolves inserts whose outcome is unknown, processes, plans and applies until nothing is left to do.
    /// </summary>
    public async Task<CycleReport> RunCycleAsync(CollectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var report = new CycleReport();
        await CollectAsync(request, report, cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var pendingInserts = await _applier.ResolvePendingAsync(report, cancellationToken);
            await ProcessAndApplyAsync(report, pendingInserts, cancellationToken);
            report.Elapsed = clock.Elapsed;
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Dispose();
        _locks.Dispose();
    }

    private async Task CollectAsync(CollectRequest request, CycleReport report, CancellationToken cancellationToken)
    {
        var collector = new Collector(_store);
        var reads = request.Records.Where(r => IsCollected(r.Dataset)).Select(r => (r.Dataset, Ids: (IReadOnlyCollection<string>?)r.Ids))
            .Concat(Topology.Datasets.Where(d => request.Datasets.Contains(d) && IsCollected(d)).Select(d => (Dataset: d, Ids: (IReadOnlyCollection<string>?)null)))
            .ToList();
        await Task.WhenAll(reads.GroupBy(r => r.Dataset.System).Select(system => CollectSystemAsync(collector, _connectors[system.Key], system, report, cancellationToken)));
    }

    private bool IsCollected(Dataset dataset) => Topology.Datasets.Contains(dataset) && Control.IsRead(dataset) && _connectors.ContainsKey(dataset.System);

    // One system's reads in order; a read that stops ends the system's reads for this cycle.
    private async Task CollectSystemAsync(Collector collector, IConnector connector, IEnumerable<(Dataset Dataset, IReadOnlyCollection<string>? Ids)> reads,
        CycleReport report, CancellationToken cancellationToken)
    {
        foreach (var (dataset, ids) in reads)
        {
            var result = await ReadAsync(collector, connector, dataset, ids, cancellationToken);
            lock (report)
            {
                report.Collected.Add(result);
                if (result.Stopped?.Kind == FailureKind.CredentialsRejected)
                {
                    report.BlockedSystems.Add(dataset.System);
                }
            }

            if (result.Stopped is not null)
            {
                _logger.LogWarning("Reading {Dataset} stopped: {Reason}", dataset, result.Stopped.Message);
                break;
            }
        }
    }

    // Under the system's lock: named records directly where the datatype can be read by id, else (or when the connector
    // says it cannot after all) the dataset's change feed.
    private async Task<CollectResult> ReadAsync(Collector collector, IConnector connector, Dataset dataset, IReadOnlyCollection<string>? ids, CancellationToken cancellationToken)
    {
        using var held = await _locks.EnterAsync(dataset.System, cancellationToken);
        if (ids is not null && CanReadDirectly(connector, dataset, ids.Count))
        {
            var direct = await collector.CollectRecordsAsync(connector, dataset.Datatype, [.. ids], cancellationToken);
            if (direct.Stopped?.Kind != FailureKind.NotSupported)
            {
                return direct;
            }
        }

        return await collector.CollectAsync(connector, dataset.Datatype, cancellationToken);
    }

    private bool CanReadDirectly(IConnector connector, Dataset dataset, int count) =>
        count <= _options.MaxDirectReads
        && connector.Datatypes.FirstOrDefault(t => t.Name == dataset.Datatype)?.Can(Capabilities.ReadById) == true;

    private async Task ProcessAndApplyAsync(CycleReport report, IReadOnlySet<(long, string)> pendingInserts, CancellationToken cancellationToken)
    {
        var dirty = new HashSet<long>(_state.Pending);
        var carried = new HashSet<long>();
        for (var round = 0; round < _options.MaxRounds; round++)
        {
            _state.Position = await _processor.ProcessAsync(_state.Position, dirty, _state.Blocked, report, cancellationToken);
            if (dirty.Count == 0)
            {
                break;
            }

            var writesBefore = report.Writes;
            var waitingBefore = report.Waiting.Count;
            var skip = new HashSet<(long, string)>(pendingInserts);
            skip.UnionWith(_state.Blocked);
            var retry = await PlanAndApplyAsync(dirty, skip, report, cancellationToken);
            carried = [.. report.Waiting.Skip(waitingBefore).Select(w => w.ClusterId), .. retry];
            dirty.Clear();
            if (report.Writes > writesBefore)
            {
                dirty.UnionWith(carried.Except(retry));
            }

            _state.Pending.Clear();
            _state.Pending.UnionWith(carried);
            await _state.SaveAsync(_store, cancellationToken);
        }

        _state.Pending.Clear();
        _state.Pending.UnionWith(carried);
        await _state.SaveAsync(_store, cancellationToken);
    }

    // Referenced types first: an organization is linked before the projects that name it, and those before their tasks.
    private async Task<IReadOnlySet<long>> PlanAndApplyAsync(IEnumerable<long> clusters, IReadOnlySet<(long, string)> pendingInserts, CycleReport report, CancellationToken cancellationToken)
    {
        var typed = new List<(long Id, int Rank)>();
        foreach (var id in clusters)
        {
            if (await _store.GetClusterAsync(id, cancellationToken) is { } cluster)
            {
                typed.Add((id, SyncTopology.Rank(cluster.GlobalType)));
            }
        }

        var retry = new HashSet<long>();
        foreach (var rank in typed.GroupBy(t => t.Rank).OrderBy(g => g.Key))
        {
            var writes = new List<PlannedWrite>();
            foreach (var (id, _) in rank)
            {
                writes.AddRange(await _planner.PlanAsync(id, pendingInserts, report, cancellationToken));
            }

            retry.UnionWith(await _applier.ApplyAsync(writes, report, cancellationToken));
        }

        return retry;
    }
}
