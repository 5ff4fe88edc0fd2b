using Tolk.Engine.Index;
using Tolk.Engine.Running;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Linking;

/// <summary>The outcome of linking a record that was not in a cluster.</summary>
/// <param name="ClusterId">The cluster it joined, or null when it stays unlinked (a target with no match).</param>
/// <param name="Joined">The memberships that joined a cluster now and need their values merged (the record's included).</param>
/// <param name="Blocked">The targets (<c>system.datatype[:role]</c>) where an ambiguous match forbids an insert until a person decides.</param>
public sealed record LinkOutcome(long? ClusterId, IReadOnlyList<MemberKey> Joined, IReadOnlyList<string> Blocked);

/// <summary>
/// Links a record that belongs to no cluster: by the merge criteria of every flow it takes part in (match before insert),
/// reporting ambiguities instead of linking at random; a flow's source record that matches nothing founds a cluster of
/// its own, so that it is inserted in the flow's targets.
/// </summary>
public sealed partial class Matcher(IHubStore store, SyncTopology topology, RecordIndex index, ReferenceResolver resolver, Func<MemberKey, bool> excluded)
{
    private sealed record Candidate(ResolvedFlow Flow, Participant Other, string Id, long? ClusterId);

    /// <summary>Links record <paramref name="id"/> of <paramref name="participant"/>.</summary>
    public async Task<LinkOutcome> LinkAsync(Participant participant, string id, CycleReport report, CancellationToken cancellationToken)
    {
        var values = index.Values(participant, id);
        if (values is null)
        {
            return new LinkOutcome(null, [], []);
        }

        if (participant.IsLookup)
        {
            return await LinkLookupAsync(participant, id, values, cancellationToken);
        }

        if (excluded(participant.Member(id)))
        {
            return participant.AsSource.Count > 0 ? await FoundAloneAsync(participant, id, cancellationToken) : new LinkOutcome(null, [], []);
        }

        var member = participant.Member(id);
        var blocked = new List<string>();
        var problems = new List<string>();
        var matches = new List<Candidate>();
        foreach (var flow in participant.Flows)
        {
            var other = topology.Counterpart(flow, participant);
            var found = await UntakenAsync(Candidates(flow, other, values), other, participant, id, cancellationToken);
            if (found.Count > 1)
            {
                problems.Add($"{flow}: {found.Count} {other} records match ({string.Join(", ", found.Take(5))}); link one by hand");
                report.Flow(flow.Number).Errors++;
                if (flow.Source == participant.Mapping)
                {
                    blocked.Add(other.Key);
                }

                continue;
            }

            var rivals = found.Count == 1 && index.Values(other, found[0]) is { } theirs
                ? Candidates(flow, participant, theirs).Where(r => r != id).ToList()
                : [];
            if (rivals.Count > 0)
            {
                problems.Add($"{flow}: {other} {found[0]} matches {participant} {id} and {string.Join(", ", rivals.Take(5))}; link one by hand");
                report.Flow(flow.Number).Errors++;
                if (flow.Source == participant.Mapping)
                {
                    blocked.Add(other.Key);
                }

                continue;
            }

            if (found.Count == 1)
            {
                var cluster = await resolver.ClusterOfAsync(other.Member(found[0]), cancellationToken);
                if (cluster is { } existing && await HasMemberLike(existing, member, cancellationToken) is { } rival)
                {
                    problems.Add($"{flow}: {other} {found[0]} is already linked to {participant} {rival}, which matches it too; link one by hand");
                    report.Flow(flow.Number).Errors++;
                    if (flow.Source == participant.Mapping)
                    {
                        blocked.Add(other.Key);
                    }

                    continue;
                }

                matches.Add(new Candidate(flow, other, found[0], cluster));
            }
        }

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        await ReportAmbiguity(writer, member, problems, cancellationToken);
        if (matches.Count == 0 && participant.AsSource.Count == 0)
        {
            await writer.CommitAsync(cancellationToken);
            return new LinkOutcome(null, [], []);
        }

        var clusters = matches.Select(m => m.ClusterId).OfType<long>().Distinct().ToList();
        var survivor = clusters.Count > 0 ? clusters[0] : await writer.CreateClusterAsync(participant.Type.Name, cancellationToken: cancellationToken);
        var joined = new List<MemberKey> { member };
        await writer.AddMemberAsync(survivor, member, JoinedBy.Match, cancellationToken);
        foreach (var match in matches.Where(m => m.ClusterId is null).DistinctBy(m => (m.Other.Key, m.Id)))
        {
            var key = match.Other.Member(match.Id);
            await writer.AddMemberAsync(survivor, key, JoinedBy.Match, cancellationToken);
            joined.Add(key);
        }

        foreach (var absorbed in clusters.Skip(1))
        {
            var moved = (await store.GetClusterAsync(absorbed, cancellationToken))?.Members.Select(m => m.Key) ?? [];
            if (await writer.MergeClustersAsync(survivor, absorbed, cancellationToken) == MergeOutcome.Merged)
            {
                joined.AddRange(moved);
            }
        }

        foreach (var lookup in await LookupsMatchingAsync(participant, values, cancellationToken))
        {
            await writer.AddMemberAsync(survivor, lookup, JoinedBy.Match, cancellationToken);
        }

        foreach (var match in matches)
        {
            await writer.AddActivityAsync(new NewActivity(ActivityKinds.Linked, survivor, member.Dataset, member.RecordId,
                $"matched {match.Other} {match.Id} by {string.Join(", ", match.Flow.Merge.Select(k => k.Property))} ({match.Flow})"), cancellationToken);
        }

        await writer.CommitAsync(cancellationToken);
        foreach (var match in matches)
        {
            report.Flow(match.Flow.Number).Matched++;
        }

        return new LinkOutcome(survivor, joined, blocked);
    }

    /// <summary>
    /// Links to <paramref name="clusterId"/> the unlinked records on the other side of the member's flows that match it
    /// (one per flow), and the lookup records that match it. Where the member is a flow's source and records of the
    /// target match it but none can join (several, or linked elsewhere), the insert is blocked as an ambiguity, as
    /// <see cref="LinkAsync"/> blocks it: a member that joined a cluster through another record's match, or whose record is
    /// processed again after a crash, is never matched by <see cref="LinkAsync"/> itself.
    /// </summary>
    public async Task<LinkOutcome> ExtendAsync(long clusterId, Participant participant, string id, CycleReport report, CancellationToken cancellationToken)
    {
        if (index.Values(participant, id) is not { } values)
        {
            return new LinkOutcome(clusterId, [], []);
        }

        var joined = new List<MemberKey>();
        var blocked = new List<string>();
        var problems = new List<string>();
        var cluster = await store.GetClusterAsync(clusterId, cancellationToken);
        if (cluster is null)
        {
            return new LinkOutcome(clusterId, [], []);
        }

        foreach (var flow in participant.Flows)
        {
            var other = topology.Counterpart(flow, participant);
            if (cluster.Members.Any(m => m.Dataset == other.Dataset && m.Role == other.Role) || joined.Any(j => j.Dataset == other.Dataset && j.Role == other.Role))
            {
                continue;
            }

            var candidates = await UntakenAsync(Candidates(flow, other, values), other, participant, id, cancellationToken);
            var unlinked = new List<string>();
            foreach (var candidate in candidates)
            {
                if (await resolver.ClusterOfAsync(other.Member(candidate), cancellationToken) is null)
                {
                    unlinked.Add(candidate);
                }
            }

            if (unlinked.Count == 1)
            {
                joined.Add(other.Member(unlinked[0]));
                report.Flow(flow.Number).Matched++;
            }
            else if (candidates.Count > 0 && flow.Source == participant.Mapping)
            {
                problems.Add($"{flow}: {candidates.Count} {other} records match ({string.Join(", ", candidates.Take(5))}), {unlinked.Count} of them unlinked; link one by hand");
                report.Flow(flow.Number).Errors++;
                blocked.Add(other.Key);
            }
        }

        joined.AddRange((await LookupsMatchingAsync(participant, values, cancellationToken))
            .Where(l => !cluster.Members.Any(m => m.Dataset == l.Dataset && m.Role == l.Role)));
        if (joined.Count > 0 || problems.Count > 0)
        {
            await using var writer = await store.BeginWriteAsync(cancellationToken);
            foreach (var member in joined)
            {
                await writer.AddMemberAsync(clusterId, member, JoinedBy.Match, cancellationToken);
            }

            if (problems.Count > 0)
            {
                await ReportAmbiguity(writer, participant.Member(id), problems, cancellationToken);
            }

            await writer.CommitAsync(cancellationToken);
        }

        return new LinkOutcome(clusterId, joined, blocked);
    }

    // A source record a person unlinked: a cluster of its own, so the flows insert it in their targets.
    private async Task<LinkOutcome> FoundAloneAsync(Participant participant, string id, CancellationToken cancellationToken)
    {
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var cluster = await writer.CreateClusterAsync(participant.Type.Name, cancellationToken: cancellationToken);
        await writer.AddMemberAsync(cluster, participant.Member(id), JoinedBy.Manual, cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return new LinkOutcome(cluster, [participant.Member(id)], []);
    }

    // A lookup record joins the one cluster whose flow records match it by its type's merge criterion.
    private async Task<LinkOutcome> LinkLookupAsync(Participant lookup, string id, IReadOnlyDictionary<string, CanonicalValue?> values, CancellationToken cancellationToken)
    {
        var clusters = new HashSet<long>();
        foreach (var other in topology.Participants.Where(p => !p.IsLookup && p.Type == lookup.Type))
        {
            foreach (var candidate in Candidates(lookup.Type.Merge, other, values))
            {
                if (await resolver.ClusterOfAsync(other.Member(candidate), cancellationToken) is { } cluster)
                {
                    clusters.Add(cluster);
                }
            }
        }

        var member = lookup.Member(id);
        if (clusters.Count != 1 || await HasMemberLike(clusters.First(), member, cancellationToken) is not null)
        {
            return new LinkOutcome(null, [], []);
        }

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        await writer.AddMemberAsync(clusters.First(), member, JoinedBy.Match, cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return new LinkOutcome(clusters.First(), [member], []);
    }

    // The unlinked lookup records a newly linked record matches, one per lookup datatype.
    private async Task<IReadOnlyList<MemberKey>> LookupsMatchingAsync(Participant participant, IReadOnlyDictionary<string, CanonicalValue?> values, CancellationToken cancellationToken)
    {
        var found = new List<MemberKey>();
        foreach (var lookup in topology.Lookups(participant.Type.Name))
        {
            var unlinked = new List<string>();
            foreach (var candidate in Candidates(lookup.Type.Merge, lookup, values))
            {
                if (await resolver.ClusterOfAsync(lookup.Member(candidate), cancellationToken) is null)
                {
                    unlinked.Add(candidate);
                }
            }

            if (unlinked.Count == 1)
            {
                found.Add(lookup.Member(unlinked[0]));
            }
        }

        return found;
    }

    private IEnumerable<string> Candidates(ResolvedFlow flow, Participant other, IReadOnlyDictionary<string, CanonicalValue?> values) =>
        Candidates(flow.Merge, other, values);

    private IEnumerable<string> Candidates(IReadOnlyList<MergeKey> keys, Participant other, IReadOnlyDictionary<string, CanonicalValue?> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.Normalize(values.GetValueOrDefault(key.Property)) is not { } normalized)
            {
                continue;
            }

            foreach (var candidate in index.WithKey(other, key, normalized))
            {
                if (seen.Add(candidate) && !excluded(other.Member(candidate)) && index.Values(other, candidate) is { } theirs && MergeKey.Decide(keys, values, theirs) == true)
                {
                    yield return candidate;
                }
            }
        }
    }

    private async Task<string?> HasMemberLike(long clusterId, MemberKey member, CancellationToken cancellationToken)
    {
        var cluster = await store.GetClusterAsync(clusterId, cancellationToken);
        return cluster?.Members.FirstOrDefault(m => m.Dataset == member.Dataset && m.Role == member.Role && m.RecordId != member.RecordId)?.RecordId;
    }

    private static async Task ReportAmbiguity(IHubWriter writer, MemberKey member, List<string> problems, CancellationToken cancellationToken)
    {
        if (problems.Count > 0)
        {
            await writer.RecordErrorAsync(new RecordError(member.Dataset, member.RecordId, null, "ambiguous match: " + string.Join("; ", problems)), "match", cancellationToken);
        }
        else
        {
            await writer.ResolveErrorsAsync(member.Dataset, member.RecordId, "match", cancellationToken);
        }
    }
}
