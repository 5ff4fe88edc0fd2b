using Tolk.Engine.Linking;
using Tolk.Engine.Processing;
using Tolk.Engine.Running;
using Tolk.Hub.Store;

namespace Tolk.Engine;

/// <summary>What a person can do: retry errors, link and unlink records by hand, pause and resume flows.</summary>
public sealed partial class SyncEngine
{
    /// <summary>
    /// Retries one unresolved error: the record is processed again from its latest version and its cluster planned in
    /// the next cycle; a held mass deletion is confirmed. False when there is no such unresolved error.
    /// </summary>
    public async Task<bool> RetryAsync(long errorId, CancellationToken cancellationToken = default)
    {
        var error = (await _store.GetErrorsAsync(false, 100_000, cancellationToken)).FirstOrDefault(e => e.Id == errorId);
        if (error is null)
        {
            return false;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var report = new CycleReport();
            if (error.Stage == HeldDeletes.Stage)
            {
                await ConfirmDeletesAsync(error.Dataset, report, cancellationToken);
            }
            else
            {
                await RedoAsync(error.Dataset, error.RecordId, report, cancellationToken);
            }

            await _state.SaveAsync(_store, cancellationToken);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Retries every unresolved error; returns how many there were.</summary>
    public async Task<int> RetryAllAsync(CancellationToken cancellationToken = default)
    {
        var errors = await _store.GetErrorsAsync(false, 100_000, cancellationToken);
        foreach (var error in errors)
        {
            await RetryAsync(error.Id, cancellationToken);
        }

        return errors.Count;
    }

    /// <summary>
    /// The ambiguous matches that wait for a person (see <see cref="Ambiguity"/>), or null when a cycle holds the engine
    /// for longer than <paramref name="wait"/> (the record index is read only between cycles).
    /// </summary>
    public async Task<IReadOnlyList<Ambiguity>?> AmbiguitiesAsync(TimeSpan wait, CancellationToken cancellationToken = default)
    {
        if (!await _gate.WaitAsync(wait, cancellationToken))
        {
            return null;
        }

        try
        {
            return await Decisions.AmbiguitiesAsync(await _store.GetErrorsAsync(false, 100_000, cancellationToken), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Links two records by hand: they become one cluster (merging their clusters when both have one), and both count
    /// as linked by a person from now on, so the other candidates of an ambiguity they settle are no longer matched to
    /// them (those are processed again at once). The link is planned in the next cycle. Returns a problem a person can
    /// read, or null when linked.
    /// </summary>
    public async Task<string?> LinkAsync(MemberKey first, MemberKey second, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var left = Topology.Of(first);
        var right = Topology.Of(second);
        if (left is null || right is null)
        {
            return $"no flow uses {(left is null ? first.Dataset : second.Dataset)}";
        }

        if (left.Type != right.Type)
        {
            return $"{left} holds {left.Type.Name} records and {right} holds {right.Type.Name} records: they cannot be one thing";
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var joined = new[] { await MembershipAsync(first, cancellationToken), await MembershipAsync(second, cancellationToken) };
            var (a, b) = (joined[0]?.ClusterId, joined[1]?.ClusterId);
            if (await SameKindProblemAsync(first, a, second, b, cancellationToken) is { } problem)
            {
                return problem;
            }

            var settled = (await Decisions.AmbiguitiesAsync(await _store.GetErrorsAsync(false, 100_000, cancellationToken), cancellationToken))
                .Where(x => x.Records.Contains(first) || x.Records.Contains(second)).SelectMany(x => x.Records)
                .Where(m => m != first && m != second).Distinct().ToList();
            await using (var writer = await _store.BeginWriteAsync(cancellationToken))
            {
                var cluster = a ?? b ?? await writer.CreateClusterAsync(left.Type.Name, cancellationToken: cancellationToken);
                if (a is not null && b is not null && a != b)
                {
                    await writer.MergeClustersAsync(a.Value, b.Value, cancellationToken);
                }

                foreach (var (member, existing) in new[] { (first, joined[0]), (second, joined[1]) })
                {
                    _state.Unlinked.Remove(EngineState.Label(member));
                    await JoinByHandAsync(writer, cluster, member, existing, cancellationToken);
                    await writer.ResolveErrorsAsync(member.Dataset, member.RecordId, Matcher.Stage, cancellationToken);
                    await writer.AddActivityAsync(new NewActivity(ActivityKinds.Linked, cluster, member.Dataset, member.RecordId, "linked by hand"), cancellationToken);
                }

                await writer.CommitAsync(cancellationToken);
                LiftBlocks(cluster, [a, b], [left.Key, right.Key]);
                _state.Pending.Add(cluster);
            }

            var report = new CycleReport();
            foreach (var member in settled.Prepend(second).Prepend(first))
            {
                await RedoAsync(member.Dataset, member.RecordId, report, cancellationToken);
            }

            await _state.SaveAsync(_store, cancellationToken);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Unlinks a record by hand: it leaves its cluster and is never linked again by a merge criterion. False when it was not linked.</summary>
    public async Task<bool> UnlinkAsync(MemberKey member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var removed = await _store.RemoveMemberAsync(member, cancellationToken);
            await _store.AddActivityAsync(new NewActivity(ActivityKinds.Unlinked, null, member.Dataset, member.RecordId, "unlinked by hand; it will not be matched again"), cancellationToken);
            _state.Unlinked.Add(EngineState.Label(member));
            await _state.SaveAsync(_store, cancellationToken);
            return removed;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Pauses or resumes a flow; on resume, the changes that queued up are planned in the next cycle. False when there is no such flow.</summary>
    public async Task<bool> SetPausedAsync(int flowNumber, bool paused, CancellationToken cancellationToken = default)
    {
        var flow = Topology.Configuration.Flow(flowNumber);
        if (flow is null)
        {
            return false;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await Control.SetPausedAsync(_store, flow, paused, cancellationToken);
            if (!paused)
            {
                var source = Topology.Of(flow.Source);
                foreach (var cluster in (await _store.GetFlowLinksAsync(source.Dataset, Topology.Of(flow.Target).Dataset, cancellationToken)).Select(l => l.ClusterId))
                {
                    _state.Pending.Add(cluster);
                }

                foreach (var id in Index.Ids(source.Dataset))
                {
                    if (await _resolver.ClusterOfAsync(source.Member(id), cancellationToken) is { } cluster)
                    {
                        _state.Pending.Add(cluster);
                    }
                }

                await _state.SaveAsync(_store, cancellationToken);
            }

            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RedoAsync(Dataset dataset, string recordId, CycleReport report, CancellationToken cancellationToken)
    {
        await using (var writer = await _store.BeginWriteAsync(cancellationToken))
        {
            foreach (var stage in (await _store.GetErrorsAsync(false, 100_000, cancellationToken)).Where(e => e.Dataset == dataset && e.RecordId == recordId).Select(e => e.Stage).Distinct())
            {
                await writer.ResolveErrorsAsync(dataset, recordId, stage, cancellationToken);
            }

            await writer.CommitAsync(cancellationToken);
        }

        foreach (var membership in await _store.FindMembersAsync(dataset, recordId, cancellationToken))
        {
            // Processing the record again blocks again what its matches still forbid; blocks other members' ambiguities
            // put on the cluster stay, or their inserts would be made with a guess.
            var targets = Topology.Of(dataset).SelectMany(p => p.AsSource).Select(f => f.Target.Key).ToHashSet(StringComparer.Ordinal);
            _state.Blocked.RemoveWhere(b => b.Item1 == membership.ClusterId && targets.Contains(b.Item2));
            _state.Pending.Add(membership.ClusterId);
        }

        if (await _store.GetLatestAsync(dataset, recordId, cancellationToken) is { } latest)
        {
            var dirty = new HashSet<long>();
            await _processor.ProcessVersionAsync(latest, dirty, _state.Blocked, report, cancellationToken);
            _state.Pending.UnionWith(dirty);
        }
    }

    private async Task ConfirmDeletesAsync(Dataset dataset, CycleReport report, CancellationToken cancellationToken)
    {
        var held = await HeldDeletes.LoadAsync(_store, cancellationToken);
        var dirty = new HashSet<long>();
        foreach (var id in held.GetValueOrDefault(dataset) ?? [])
        {
            if (await _store.GetLatestAsync(dataset, id, cancellationToken) is { Deleted: true } latest)
            {
                await _processor.ProcessVersionAsync(latest, dirty, _state.Blocked, report, cancellationToken);
            }
        }

        held.Remove(dataset);
        await using var writer = await _store.BeginWriteAsync(cancellationToken);
        await HeldDeletes.SaveAsync(writer, held, cancellationToken);
        await writer.ResolveErrorsAsync(dataset, "*", HeldDeletes.Stage, cancellationToken);
        await writer.CommitAsync(cancellationToken);
        _state.Pending.UnionWith(dirty);
    }
}
