using Tolk.Engine.Golden;
using Tolk.Engine.Index;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Linking;

/// <summary>A reference translated for one system: the value to write, or why it cannot be written (yet).</summary>
/// <param name="Value">The translated value.</param>
/// <param name="Waiting">Why the write must wait for the referenced record to be linked; null when it need not.</param>
/// <param name="Skip">The system has no counterpart of the referenced record and no flow will make one: leave the field alone.</param>
public readonly record struct Translation(CanonicalValue? Value, string? Waiting, bool Skip = false)
{
    /// <summary>Whether the reference could be translated.</summary>
    public bool Resolved => Waiting is null && !Skip;

    /// <summary>A translated value.</summary>
    public static Translation Of(CanonicalValue? value) => new(value, null);

    /// <summary>A reference that waits for its target to be linked.</summary>
    public static Translation Wait(string reason) => new(null, reason);

    /// <summary>A reference the system cannot hold: its field is not written.</summary>
    public static Translation Unavailable() => new(null, null, Skip: true);
}

/// <summary>
/// Translates references between a system's ids and the golden record's system-neutral form, through cluster
/// memberships: an Asana project's team id becomes the team's cluster, which becomes the Customerp customer id.
/// </summary>
public sealed class ReferenceResolver(IHubStore store, SyncTopology topology, RecordIndex index)
{
    /// <summary>The golden form of a value a participant read (references become clusters where the target is linked).</summary>
    public async Task<CanonicalValue?> ToGoldenAsync(Participant participant, string property, CanonicalValue? value, CancellationToken cancellationToken)
    {
        if (value is not ReferenceValue reference)
        {
            return value;
        }

        if (reference.By is { } by)
        {
            return await ClusterByKeyAsync(reference.Type, by, reference.Key, cancellationToken) is { } found
                ? GoldenRefs.ToCluster(reference.Type, found)
                : reference;
        }

        var dataset = TargetDataset(participant, property);
        return await ClusterOfAsync(new MemberKey(dataset, reference.Key, ""), cancellationToken) is { } cluster
            ? GoldenRefs.ToCluster(reference.Type, cluster)
            : GoldenRefs.ToRecord(reference.Type, dataset, reference.Key);
    }

    /// <summary>A golden reference to a record not linked at the time, resolved to its cluster when it is linked now.</summary>
    public async Task<CanonicalValue?> RefreshAsync(CanonicalValue? value, CancellationToken cancellationToken)
    {
        if (value is ReferenceValue reference && GoldenRefs.RecordOf(reference) is var (dataset, id)
            && await ClusterOfAsync(new MemberKey(dataset, id, ""), cancellationToken) is { } cluster)
        {
            return GoldenRefs.ToCluster(reference.Type, cluster);
        }

        return value;
    }

    /// <summary>The value of a golden property as <paramref name="participant"/>'s system holds it.</summary>
    public async Task<Translation> ToSystemAsync(Participant participant, string property, CanonicalValue? golden, CancellationToken cancellationToken)
    {
        if (golden is not ReferenceValue reference)
        {
            return Translation.Of(golden);
        }

        var format = participant.ReferenceMapping(property)?.Format?.Reference;
        if (format is null)
        {
            return Translation.Wait($"{participant} has no reference field for {property}");
        }

        var cluster = GoldenRefs.ClusterOf(reference);
        if (GoldenRefs.RecordOf(reference) is var (dataset, id))
        {
            if (format.By is null && dataset == TargetDataset(participant, property))
            {
                return Translation.Of(new ReferenceValue(reference.Type, id));
            }

            cluster = await ClusterOfAsync(new MemberKey(dataset, id, ""), cancellationToken);
        }

        if (format.By is { } by)
        {
            if (reference.By == by)
            {
                return Translation.Of(reference);
            }

            var key = cluster is { } c ? await KeyOfAsync(c, by, cancellationToken) : null;
            return key is null
                ? Translation.Wait($"the {reference.Type} {Describe(reference)} has no {by} yet")
                : Translation.Of(new ReferenceValue(reference.Type, key, by));
        }

        if (cluster is null)
        {
            return Translation.Wait($"the {reference.Type} {Describe(reference)} is not linked yet");
        }

        var target = TargetDataset(participant, property);
        var member = (await store.GetClusterAsync(cluster.Value, cancellationToken))?.Members
            .FirstOrDefault(m => m.Dataset == target && m.Role.Length == 0);
        if (member is not null)
        {
            return Translation.Of(new ReferenceValue(reference.Type, member.RecordId));
        }

        return topology.IsFlowLinked(target, reference.Type)
            ? Translation.Wait($"the {reference.Type} (cluster {cluster}) has no linked {target.System} {target.Datatype} yet")
            : Translation.Unavailable();
    }

    /// <summary>The cluster a membership belongs to, or null.</summary>
    public async Task<long?> ClusterOfAsync(MemberKey member, CancellationToken cancellationToken)
    {
        var members = await store.FindMembersAsync(member.Dataset, member.RecordId, cancellationToken);
        return members.FirstOrDefault(m => m.Role == member.Role)?.ClusterId;
    }

    private static Dataset TargetDataset(Participant participant, string property) =>
        new(participant.Dataset.System, participant.ReferenceMapping(property)?.TargetDatatype ?? participant.Dataset.Datatype);

    private static string Describe(ReferenceValue reference) => reference.By switch
    {
        GoldenRefs.Cluster => $"(cluster {reference.Key})",
        GoldenRefs.Record => reference.Key,
        _ => $"with {reference.By} {reference.Key}",
    };

    // A record of the type whose key property (e.g. email) has this value, and its cluster.
    private async Task<long?> ClusterByKeyAsync(string type, string property, string value, CancellationToken cancellationToken)
    {
        foreach (var participant in topology.Participants.Where(p => p.Type.Name == type))
        {
            var key = participant.Type.Merge.FirstOrDefault(k => k.Property == property);
            if (key?.Normalize(CanonicalValue.OfText(value)) is not { } normalized)
            {
                continue;
            }

            foreach (var id in index.WithKey(participant, key, normalized))
            {
                if (await ClusterOfAsync(participant.Member(id), cancellationToken) is { } cluster)
                {
                    return cluster;
                }
            }
        }

        return null;
    }

    private async Task<string?> KeyOfAsync(long clusterId, string property, CancellationToken cancellationToken)
    {
        var cluster = await store.GetClusterAsync(clusterId, cancellationToken);
        if (cluster is null || topology.Configuration.Model.Find(cluster.GlobalType) is not { } type)
        {
            return null;
        }

        return GoldenRecord.Parse(cluster.GoldenRecord, type)[property]?.Value?.Text;
    }
}
