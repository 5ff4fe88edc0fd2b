using Microsoft.Extensions.Logging;
using Tolk.Engine.Applying;
using Tolk.Engine.Index;
using Tolk.Engine.Running;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Engine.Processing;

/// <summary>
/// What a deleted member does to its links, by the delete policy of the flows it takes part in: by default it leaves
/// its cluster and the unlink is logged, nothing is deleted elsewhere; a flow set to propagate deletes (or archives)
/// the linked record on the other side, one set to archive archives or deactivates it.
/// </summary>
public sealed class DeleteHandler(IHubStore store, SyncTopology topology, Applier applier, FlowControl control, ILogger logger)
{
    /// <summary>Handles the deletion of <paramref name="member"/>, a member of <paramref name="clusterId"/>.</summary>
    public async Task HandleAsync(long clusterId, Participant participant, IndexedRecord record, CycleReport report, CancellationToken cancellationToken)
    {
        var cluster = await store.GetClusterAsync(clusterId, cancellationToken);
        if (cluster is null)
        {
            return;
        }

        var removed = new List<MemberKey> { participant.Member(record.Id) };
        foreach (var flow in participant.Flows.Where(f => FlowControl.Propagates(f) && !control.IsPaused(f)))
        {
            var other = topology.Counterpart(flow, participant);
            if (flow.Definition.ReadOnlyTarget && other.Mapping == flow.Target)
            {
                continue;
            }

            foreach (var linked in cluster.Members.Where(m => m.Dataset == other.Dataset && m.Role == other.Role))
            {
                var done = flow.Definition.Delete == DeletePolicy.Archive
                    ? await applier.ArchiveAsync(other, linked.RecordId, report, cancellationToken)
                    : await applier.DeleteAsync(other, linked.RecordId, report, cancellationToken);
                if (done)
                {
                    removed.Add(linked.Key);
                    report.Flow(flow.Number).Deleted++;
                    logger.LogInformation("{Flow}: {Member} was deleted, so {Other} {Id} was {Action}", flow, removed[0].RecordId, other, linked.RecordId,
                        flow.Definition.Delete == DeletePolicy.Archive ? "archived" : "deleted");
                }
            }
        }

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        foreach (var member in removed.Distinct())
        {
            await writer.RemoveMemberAsync(member, cancellationToken);
            var message = member == removed[0]
                ? $"deleted in {participant.Dataset.System}: unlinked from its cluster; nothing was deleted elsewhere by this link"
                : $"deleted because {participant} {record.Id}, linked to it, was deleted";
            await writer.AddActivityAsync(new NewActivity(member == removed[0] ? ActivityKinds.Unlinked : ActivityKinds.Deleted, clusterId, member.Dataset, member.RecordId, message), cancellationToken);
        }

        await writer.CommitAsync(cancellationToken);
        foreach (var flow in participant.Flows)
        {
            report.Flow(flow.Number).Unlinked++;
        }

        logger.LogInformation("{Participant} {Id} was deleted in {System}: unlinked from cluster {Cluster}", participant, record.Id, participant.Dataset.System, clusterId);
    }
}
