using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Engine.Linking;

/// <summary>What a person decided by hand, and the ambiguities still waiting for a decision.</summary>
public sealed partial class Matcher
{
    /// <summary>The stage of the errors that report an ambiguous match.</summary>
    public const string Stage = "match";

    /// <summary>
    /// The ambiguities behind unresolved match errors: per flow, a record with several matches on the other side, whose
    /// cluster has no record there that a person linked by hand. Candidates a person linked by hand to another record
    /// are left out, as matching leaves them out.
    /// </summary>
    public async Task<IReadOnlyList<Ambiguity>> AmbiguitiesAsync(IEnumerable<HubError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var open = errors.Where(e => e.Stage == Stage && e.ResolvedAt is null).ToList();
        var found = new Dictionary<(int, string, string), Ambiguity>();
        foreach (var error in open)
        {
            foreach (var participant in topology.Of(error.Dataset).Where(p => !p.IsLookup))
            {
                if (index.Values(participant, error.RecordId) is not { } values)
                {
                    continue;
                }

                foreach (var flow in participant.Flows)
                {
                    var other = topology.Counterpart(flow, participant);
                    var forward = Candidates(flow, other, values).ToList();
                    await AddAsync(found, open, flow, participant, error.RecordId, other, forward, cancellationToken);
                    foreach (var candidate in forward)
                    {
                        if (index.Values(other, candidate) is { } theirs)
                        {
                            await AddAsync(found, open, flow, other, candidate, participant, [.. Candidates(flow, participant, theirs)], cancellationToken);
                        }
                    }
                }
            }
        }

        return [.. found.Values.OrderBy(a => a.Flow).ThenBy(a => a.Record.Record.RecordId, StringComparer.Ordinal)];
    }

    private async Task AddAsync(Dictionary<(int, string, string), Ambiguity> found, List<HubError> errors, ResolvedFlow flow, Participant participant, string id,
        Participant side, List<string> candidates, CancellationToken cancellationToken)
    {
        var key = (flow.Number, participant.Key, id);
        if (found.ContainsKey(key) || candidates.Count < 2)
        {
            return;
        }

        var cluster = await resolver.ClusterOfAsync(participant.Member(id), cancellationToken);
        if (cluster is { } linked && (await store.GetClusterAsync(linked, cancellationToken))?.Members
            .Any(m => m.Dataset == side.Dataset && m.Role == side.Role && m.JoinedBy == JoinedBy.Manual) == true)
        {
            return;
        }

        var open = await UntakenAsync(candidates, side, participant, id, cancellationToken);
        if (open.Count < 2)
        {
            return;
        }

        var choices = new List<AmbiguousRecord>();
        foreach (var candidate in open)
        {
            choices.Add(new AmbiguousRecord(side.Member(candidate), await resolver.ClusterOfAsync(side.Member(candidate), cancellationToken),
                index.Values(side, candidate) ?? new Dictionary<string, Sync.Conversion.CanonicalValue?>()));
        }

        var named = open.Select(c => (side.Dataset, c)).Append((participant.Dataset, id)).ToHashSet();
        found[key] = new Ambiguity(flow.Number,
            new AmbiguousRecord(participant.Member(id), cluster, index.Values(participant, id) ?? new Dictionary<string, Sync.Conversion.CanonicalValue?>()),
            side.Key, [.. flow.Merge.Select(k => k.Property).Distinct()], choices,
            [.. errors.Where(e => named.Contains((e.Dataset, e.RecordId))).Select(e => e.Id).Order()]);
    }

    // A person linked a counterpart by hand to another record of this participant's kind: it is that record's, not a
    // match for this one (nor a rival), so an ambiguity the person settled is not reported again.
    private async Task<List<string>> UntakenAsync(IEnumerable<string> candidates, Participant other, Participant participant, string id,
        CancellationToken cancellationToken)
    {
        var kept = new List<string>();
        foreach (var candidate in candidates)
        {
            if (await resolver.ClusterOfAsync(other.Member(candidate), cancellationToken) is not { } clusterId
                || await store.GetClusterAsync(clusterId, cancellationToken) is not { } cluster
                || !cluster.Members.Any(m => m.Dataset == participant.Dataset && m.Role == participant.Role && m.RecordId != id && m.JoinedBy == JoinedBy.Manual))
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }
}
