using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Connectors.Metering;
using Tolk.Engine.Running;
using Tolk.Hub.Store;
using Tolk.Server.Metrics;

namespace Tolk.Server.Feed;

/// <summary>
/// Follows the hub log and keeps the latest <see cref="Capacity"/> changes, described for a person: which record,
/// what changed, and whether a person's edit was read from the system or Tolk wrote it (told apart by the records
/// Tolk's writes returned, which the applier appends as they are). Wakes after every sync cycle, and every two seconds.
/// </summary>
internal sealed partial class ChangeFeed : IAsyncDisposable
{
    /// <summary>How many changes are kept.</summary>
    public const int Capacity = 200;

    private readonly ServerContext _context;
    private readonly SyncMetrics _metrics;
    private readonly ILogger _logger;
    private readonly LinkedList<ChangeItem> _items = new();
    private readonly ConcurrentDictionary<(Dataset, string), ConcurrentQueue<string>> _written = new();
    private readonly List<Channel<ChangeItem>> _subscribers = [];
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private readonly List<(MeteredConnector Connector, Action<string, ConnectorRecord> Handler)> _watched = [];
    private Task? _loop;
    private long _position;

    public ChangeFeed(ServerContext context, SyncMetrics metrics)
    {
        _context = context;
        _metrics = metrics;
        _logger = context.Loggers.CreateLogger("Tolk.Server.Feed");
        foreach (var connector in context.Connectors.Values.OfType<MeteredConnector>())
        {
            Action<string, ConnectorRecord> handler = (datatype, record) => OnWritten(connector.System, datatype, record);
            connector.RecordWritten += handler;
            _watched.Add((connector, handler));
        }

        context.Runner.CycleCompleted += OnCycle;
    }

    /// <summary>The kept changes, newest first.</summary>
    public IReadOnlyList<ChangeItem> Recent(int limit)
    {
        lock (_items)
        {
            return [.. _items.Take(limit)];
        }
    }

    /// <summary>Starts following the log from a little before its end.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _position = Math.Max(0, await _context.Store.GetLastSeqAsync(cancellationToken) - 50);
        await CatchUpAsync(backlog: true, cancellationToken);
        _loop = RunAsync(_stop.Token);
    }

    /// <summary>Every change from now on, as it is seen, until <paramref name="cancellationToken"/> ends.</summary>
    public async IAsyncEnumerable<ChangeItem> FollowAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ChangeItem>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_subscribers)
        {
            _subscribers.Add(channel);
        }

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_subscribers)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The server disposes it first, in order, and its service container again when it goes.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _context.Runner.CycleCompleted -= OnCycle;
        foreach (var (connector, handler) in _watched)
        {
            connector.RecordWritten -= handler;
        }

        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    private void OnCycle(CycleReport report) => Wake();

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the loop reads everything new when it runs.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    // The applier appends a write's returned record as it is: that version is Tolk's, not a person's edit.
    private void OnWritten(string system, string datatype, ConnectorRecord record)
    {
        if (_written.Count > 10_000)
        {
            // Writes whose answer changed nothing are never appended, so never matched: forget them all now and then.
            _written.Clear();
        }

        var hash = record.ToHubRecord().ComputeHash();
        var queue = _written.GetOrAdd((new Dataset(system, datatype), record.Id), _ => new ConcurrentQueue<string>());
        queue.Enqueue(hash);
        while (queue.Count > 4 && queue.TryDequeue(out _))
        {
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                await CatchUpAsync(backlog: false, cancellationToken);
                _metrics.UnresolvedErrors((await _context.Store.GetErrorsAsync(false, 100_000, cancellationToken)).Count);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The feed is a view: a failed read is logged and tried again on the next wake.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(_logger, e);
            }
        }
    }

    private async Task CatchUpAsync(bool backlog, CancellationToken cancellationToken)
    {
        // After a burst (the initial sync) only the newest changes are described: reading on is cheap, describing is not.
        var tail = new Queue<RecordVersion>();
        IReadOnlyList<RecordVersion> page;
        while ((page = await _context.Store.ReadLogAsync(null, _position, 1000, cancellationToken)).Count > 0)
        {
            foreach (var version in page)
            {
                tail.Enqueue(version);
                if (tail.Count > Capacity)
                {
                    tail.Dequeue();
                }
            }

            _position = page[^1].Seq;
        }

        foreach (var version in tail)
        {
            Publish(await DescribeAsync(version, backlog, cancellationToken));
        }
    }

    private void Publish(ChangeItem item)
    {
        lock (_items)
        {
            _items.AddFirst(item);
            while (_items.Count > Capacity)
            {
                _items.RemoveLast();
            }
        }

        lock (_subscribers)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(item);
            }
        }
    }

    private async Task<ChangeItem> DescribeAsync(RecordVersion version, bool backlog, CancellationToken cancellationToken)
    {
        var before = await _context.Store.GetHistoryAsync(version.Dataset, version.RecordId, 1, version.Seq, cancellationToken);
        var previous = before.Count > 0 ? before[0] : null;
        var kind = version.Deleted ? "deleted" : previous is null ? "created" : "updated";
        var fields = previous is null ? [] : ChangedFields(previous.Content, version.Content);
        var origin = backlog ? null : IsTolksWrite(version) ? "tolk" : "edit";

        var memberships = await _context.Store.FindMembersAsync(version.Dataset, version.RecordId, cancellationToken);
        var membership = memberships.Count > 0 ? memberships[0] : null;
        var cluster = membership is null ? null : await _context.Store.GetClusterAsync(membership.ClusterId, cancellationToken);
        var title = RecordTitles.FromGolden(cluster?.GoldenRecord) ?? RecordTitles.FromContent(_context.Engine.Topology, version.Dataset, version.Content);
        var from = origin switch
        {
            "edit" => version.Dataset.System,
            "tolk" => EditedIn(cluster),
            _ => null,
        };
        return new ChangeItem(version.Seq, version.ObservedAt, version.Dataset.System, version.Dataset.Datatype, version.RecordId, title, kind,
            fields, origin, from, cluster?.Id, cluster?.GlobalType);
    }

    private bool IsTolksWrite(RecordVersion version)
    {
        if (!_written.TryGetValue((version.Dataset, version.RecordId), out var hashes))
        {
            return false;
        }

        if (!hashes.Contains(version.Hash, StringComparer.Ordinal))
        {
            return false;
        }

        if (hashes.All(h => h == version.Hash))
        {
            _written.TryRemove((version.Dataset, version.RecordId), out _);
        }

        return true;
    }

    // Where the edit Tolk passed on was made: the latest edit of the same cluster in the feed, else the system that
    // gave the cluster's most recently changed value.
    private string? EditedIn(Cluster? cluster)
    {
        if (cluster is null)
        {
            return null;
        }

        lock (_items)
        {
            if (_items.FirstOrDefault(i => i.ClusterId == cluster.Id && i.Origin == "edit") is { } edit)
            {
                return edit.System;
            }
        }

        var latest = RecordTitles.Parse(cluster.GoldenRecord)?
            .Select(p => (At: (string?)p.Value?["at"], By: (string?)p.Value?["by"]))
            .Where(p => p.At is not null && p.By is not null)
            .MaxBy(p => p.At, StringComparer.Ordinal);
        return latest?.By?.Split('/')[0];
    }

    private static List<string> ChangedFields(string before, string after)
    {
        var old = RecordTitles.Parse(before) ?? [];
        var now = RecordTitles.Parse(after) ?? [];
        return [.. now.Select(p => p.Key).Union(old.Select(p => p.Key), StringComparer.Ordinal)
            .Where(k => !JsonNode.DeepEquals(old[k], now[k]))
            .Order(StringComparer.Ordinal)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change feed could not read the hub log; it tries again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
