using Tolk.Engine.Linking;
using Tolk.Hub.Store;

namespace Tolk.Engine;

/// <summary>The checks and bookkeeping of linking by hand.</summary>
public sealed partial class SyncEngine
{
    private Matcher? _decisions;

    // Reads ambiguities for a person; it writes nothing, so a matcher of its own serves (the cycle's is the processor's).
    private Matcher Decisions => _decisions ??= new Matcher(_store, Topology, Index, _resolver, m => _state.Unlinked.Contains(EngineState.Label(m)));

    private async Task<ClusterMember?> MembershipAsync(MemberKey member, CancellationToken cancellationToken) =>
        (await _store.FindMembersAsync(member.Dataset, member.RecordId, cancellationToken)).FirstOrDefault(m => m.Role == member.Role);

    // One thing has one record per dataset and role: linking must not put a second one into a cluster.
    private async Task<string?> SameKindProblemAsync(MemberKey first, long? a, MemberKey second, long? b, CancellationToken cancellationToken)
    {
        if (first.Dataset == second.Dataset && first.Role == second.Role)
        {
            return first.RecordId == second.RecordId
                ? $"{first.Dataset}/{first.RecordId} cannot be linked to itself"
                : $"{first.Dataset}/{first.RecordId} and {second.Dataset}/{second.RecordId} are records of one dataset: Tolk links one record in each system to a thing";
        }

        foreach (var (member, other, cluster) in new[] { (first, second, b), (second, first, a) })
        {
            if (cluster is null || cluster == a && cluster == b)
            {
                continue;
            }

            var rival = (await _store.GetClusterAsync(cluster.Value, cancellationToken))?.Members
                .FirstOrDefault(m => m.Dataset == member.Dataset && m.Role == member.Role && m.RecordId != member.RecordId);
            if (rival is not null)
            {
                return $"{other.Dataset}/{other.RecordId} is already linked to {rival.Dataset}/{rival.RecordId}; unlink that one first to link {member.Dataset}/{member.RecordId} instead";
            }
        }

        return null;
    }

    // The link settles the inserts its records' kinds were blocked for (an ambiguity, or a target a person deleted); the
    // blocks other ambiguities put on the clusters stay, on the cluster they became.
    private void LiftBlocks(long cluster, long?[] merged, string[] settled)
    {
        foreach (var block in _state.Blocked.Where(x => x.Item1 == cluster || merged.Contains(x.Item1)).ToList())
        {
            _state.Blocked.Remove(block);
            if (!settled.Contains(block.Item2, StringComparer.Ordinal))
            {
                _state.Blocked.Add((cluster, block.Item2));
            }
        }
    }

    // A record that was linked already counts as linked by a person from now on: its membership is made again as manual,
    // keeping the values last synchronized with it.
    private static async Task JoinByHandAsync(IHubWriter writer, long cluster, MemberKey member, ClusterMember? existing, CancellationToken cancellationToken)
    {
        if (existing?.JoinedBy == JoinedBy.Manual)
        {
            return;
        }

        if (existing is not null)
        {
            await writer.RemoveMemberAsync(member, cancellationToken);
        }

        await writer.AddMemberAsync(cluster, member, JoinedBy.Manual, cancellationToken);
        if (existing?.SyncedValues is { } synced)
        {
            await writer.SetSyncedValuesAsync(member, synced, cancellationToken);
        }
    }
}
