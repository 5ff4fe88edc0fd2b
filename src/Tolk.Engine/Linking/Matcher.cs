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
public sealed record LinkOutcome(long? ClusterId, IReadOnlyList<MemberKey> Joined);

/// <summary>
/// Links a record that belongs to no cluster: by the merge criteria of every flow it takes part in (match before insert),
/// reporting ambiguities instead of linking at random; a flow's source record that matches nothing founds a cluster of
/// its own, so that it is inserted in the flow's targets.
/// </summary>
public sealed class Matcher(IHubStore store, SyncTopology topology, RecordIndex index, ReferenceResolver resolver)
{
    private sealed record Candidate(ResolvedFlow Flow, Participant Other, string Id, long? ClusterId);

    /// <summary>Links record <paramref name="id"/> of <paramref name="participant"/>.</summary>
    public async Task<LinkOutcome> LinkAsync(Participant participant, string id, CycleReport report, CancellationToken cancellationToken)
    {
        var values = index.Values(participant, id);
        if (values is null)
        {
            return new LinkOutcome(null, []);
        }

        var member = participant.Member(id);
        var problems = new List<string>();
        var matches = new List<Candidate>();
        foreach (var flow in participant.Flows)
        {
            var other = topology.Of(flow.Source == participant.Mapping ? flow.Target : flow.Source);
            var found = Candidates(flow, other, values).ToList();
            if (found.Count > 1)
            {
                problems.Add($"{flow}: {found.Count} {other} records match ({string.Join(", ", found.Take(5))}); link one by hand");
                report.Flow(flow.Number).Errors++;
                continue;
            }

            if (found.Count == 1)
            {
                var cluster = await resolver.ClusterOfAsync(other.Member(found[0]), cancellationToken);
                if (cluster is { } existing && await HasMemberLike(existing, member, cancellationToken) is { } rival)
                {
                    problems.Add($"{flow}: {other} {found[0]} is already linked to {participant} {rival}, which matches it too; link one by hand");
                    report.Flow(flow.Number).Errors++;
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
            return new LinkOutcome(null, []);
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

        await writer.CommitAsync(cancellationToken);
        foreach (var match in matches)
        {
            report.Flow(match.Flow.Number).Matched++;
        }

        return new LinkOutcome(survivor, joined);
    }

    private IEnumerable<string> Candidates(ResolvedFlow flow, Participant other, IReadOnlyDictionary<string, CanonicalValue?> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in flow.Merge)
        {
            if (key.Normalize(values.GetValueOrDefault(key.Property)) is not { } normalized)
            {
                continue;
            }

            foreach (var candidate in index.WithKey(other, key, normalized))
            {
                if (seen.Add(candidate) && index.Values(other, candidate) is { } theirs && MergeKey.Decide(flow.Merge, values, theirs) == true)
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
