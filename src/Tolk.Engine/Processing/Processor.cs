using Tolk.Engine.Index;
using Tolk.Engine.Linking;
using Tolk.Engine.Running;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;

namespace Tolk.Engine.Processing;

/// <summary>
/// Follows the hub log from the engine's position: each new version updates the record index, then links the record
/// (match or found a cluster) or merges it into its cluster, or handles its deletion; the clusters it touched are
/// returned for planning. Work is proportional to the versions processed, whatever the total.
/// </summary>
public sealed class Processor(
    IHubStore store, SyncTopology topology, RecordIndex index, Matcher matcher, MemberMerger merger, DeleteHandler deletes, MassDeleteBreaker breaker)
{
    private const int PageSize = 2000;

    /// <summary>Processes every version after <paramref name="position"/>; returns the new position.</summary>
    public async Task<long> ProcessAsync(long position, ISet<long> dirty, ISet<(long, string)> blocked, CycleReport report, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await store.ReadLogAsync(null, position, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                return position;
            }

            var held = breaker.Screen(page);
            if (held.Count > 0)
            {
                await HoldAsync(held, cancellationToken);
            }

            // The whole page goes into the index first, so a match sees every record it could be confused with.
            var taken = page.Where(v => !(held.TryGetValue(v.Dataset, out var hold) && hold.Contains(v))).ToList();
            foreach (var version in taken.Where(v => topology.Of(v.Dataset).Count > 0))
            {
                index.Apply(version);
            }

            foreach (var version in taken)
            {
                await ProcessVersionAsync(version, dirty, blocked, report, cancellationToken);
            }

            position = page[^1].Seq;
        }
    }

    /// <summary>Processes one version (also used to redo a record on retry and to apply confirmed deletions).</summary>
    public async Task ProcessVersionAsync(RecordVersion version, ISet<long> dirty, ISet<(long, string)> blocked, CycleReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var participants = topology.Of(version.Dataset);
        if (participants.Count == 0)
        {
            return;
        }

        report.Processed++;
        report.ProcessedSystems.Add(version.Dataset.System);
        var record = index.Apply(version);
        if (record is null)
        {
            await store.RecordErrorAsync(new RecordError(version.Dataset, version.RecordId, null, "the stored content is not a JSON object"), "process", cancellationToken);
            return;
        }

        var memberships = await store.FindMembersAsync(version.Dataset, version.RecordId, cancellationToken);
        foreach (var participant in participants)
        {
            foreach (var flow in participant.Flows)
            {
                report.Flow(flow.Number).Read++;
            }

            var membership = memberships.FirstOrDefault(m => m.Role == participant.Role);
            if (record.Deleted)
            {
                if (membership is not null)
                {
                    await deletes.HandleAsync(membership.ClusterId, participant, record, report, cancellationToken);

                    // A person deleted a flow's target record: unlinking ends the link, it does not owe the source a new
                    // copy, which the next edit of the source would otherwise make. Linking a record by hand lifts this.
                    if (participant.AsTarget.Count > 0)
                    {
                        blocked.Add((membership.ClusterId, participant.Key));
                    }
                }

                continue;
            }

            if (index.Values(participant, record.Id) is null)
            {
                continue;
            }

            if (membership is not null && participant.IsLookup)
            {
                continue;
            }

            if (membership is not null)
            {
                await merger.MergeAsync(membership.ClusterId, participant, record, firstJoin: false, report, cancellationToken);
                var extended = await matcher.ExtendAsync(membership.ClusterId, participant, record.Id, report, cancellationToken);
                foreach (var target in extended.Blocked)
                {
                    blocked.Add((membership.ClusterId, target));
                }

                await MergeJoinedAsync(membership.ClusterId, extended.Joined, report, cancellationToken);
                dirty.Add(membership.ClusterId);
                continue;
            }

            var link = await matcher.LinkAsync(participant, record.Id, report, cancellationToken);
            if (link.ClusterId is not { } cluster)
            {
                continue;
            }

            foreach (var target in link.Blocked)
            {
                blocked.Add((cluster, target));
            }

            await MergeJoinedAsync(cluster, link.Joined, report, cancellationToken);
            dirty.Add(cluster);
        }
    }

    private async Task MergeJoinedAsync(long cluster, IReadOnlyList<MemberKey> joined, CycleReport report, CancellationToken cancellationToken)
    {
        foreach (var member in joined)
        {
            if (topology.Of(member) is { IsLookup: false } participant && index.Get(member.Dataset, member.RecordId) is { Deleted: false } record)
            {
                await merger.MergeAsync(cluster, participant, record, firstJoin: true, report, cancellationToken);
            }
        }
    }

    private async Task HoldAsync(IReadOnlyDictionary<Dataset, IReadOnlyList<RecordVersion>> held, CancellationToken cancellationToken)
    {
        var all = await HeldDeletes.LoadAsync(store, cancellationToken);
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        foreach (var (dataset, versions) in held)
        {
            if (!all.TryGetValue(dataset, out var ids))
            {
                all[dataset] = ids = new(StringComparer.Ordinal);
            }

            ids.UnionWith(versions.Select(v => v.RecordId));
            var message = $"{versions.Count} of {index.LiveCount(dataset)} {dataset} records were reported deleted at once; "
                + "the deletions are held as a suspected API hiccup. Retry this error to confirm them.";
            await writer.RecordErrorAsync(new RecordError(dataset, "*", null, message), HeldDeletes.Stage, cancellationToken);
        }

        await HeldDeletes.SaveAsync(writer, all, cancellationToken);
        await writer.CommitAsync(cancellationToken);
    }
}
