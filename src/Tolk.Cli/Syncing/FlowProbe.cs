using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;

namespace Tolk.Cli.Syncing;

/// <summary>One flow as the hub store shows it now.</summary>
/// <param name="Number">The flow's number.</param>
/// <param name="Source">The source mapping (<c>system.datatype[:role]</c>).</param>
/// <param name="Target">The target mapping.</param>
/// <param name="SourceRecords">Live records of the source mapping collected so far.</param>
/// <param name="TargetRecords">Live records of the target mapping collected so far.</param>
/// <param name="Linked">Live source records linked to a target record.</param>
/// <param name="Matched">Links made by a merge criterion.</param>
/// <param name="Inserted">Links where Tolk created one side.</param>
/// <param name="ByHand">Links a person made.</param>
/// <param name="Errors">Unresolved errors of records in the flow's source or target dataset.</param>
internal sealed record FlowSnapshot(int Number, string Source, string Target, int SourceRecords, int TargetRecords, int Linked, int Matched,
    int Inserted, int ByHand, int Errors)
{
    /// <summary>Source records not linked yet: waiting for an insert, a reference, or (where the target cannot create records) a match.</summary>
    public int Pending => Math.Max(0, SourceRecords - Linked);

    /// <summary>Links of every kind.</summary>
    public int Links => Matched + Inserted + ByHand;
}

/// <summary>
/// Reads the flows' progress from the hub store while an engine works on it (SQLite readers see committed data beside
/// the writer): it follows the log to count each mapping's live records, and counts each flow's links and errors.
/// </summary>
internal sealed class FlowProbe(IHubStore store, SyncConfiguration configuration)
{
    private const int Page = 5000;
    private readonly Dictionary<string, HashSet<string>> _live = configuration.Flows
        .SelectMany(f => new[] { f.Source.Key, f.Target.Key }).Distinct(StringComparer.Ordinal)
        .ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);

    private readonly ILookup<Dataset, DatatypeMapping> _mappings = configuration.Flows
        .SelectMany(f => new[] { f.Source, f.Target }).DistinctBy(m => m.Key)
        .ToLookup(m => new Dataset(m.System, m.Datatype));

    private long _after;

    private readonly HashSet<(Dataset, string)> _records = [];

    /// <summary>Live records the flows read, as of the last read.</summary>
    public int Records => _records.Count;

    /// <summary>Unresolved errors in the whole store, as of the last read.</summary>
    public int OpenErrors { get; private set; }

    /// <summary>The flows now, in number order.</summary>
    public async Task<IReadOnlyList<FlowSnapshot>> ReadAsync(CancellationToken cancellationToken)
    {
        await FollowLogAsync(cancellationToken);
        var open = await store.GetErrorsAsync(false, 1_000_000, cancellationToken);
        OpenErrors = open.Count;
        var errors = open.CountBy(e => e.Dataset).ToDictionary();
        var flows = new List<FlowSnapshot>();
        foreach (var flow in configuration.Flows.OrderBy(f => f.Number))
        {
            var source = DatasetOf(flow.Source);
            var target = DatasetOf(flow.Target);
            var links = (await store.GetFlowLinksAsync(source, target, cancellationToken))
                .Where(l => l.Source.Role == (flow.Source.Role ?? "") && l.Target.Role == (flow.Target.Role ?? ""))
                .ToList();
            var live = _live[flow.Source.Key];
            flows.Add(new FlowSnapshot(
                flow.Number,
                flow.Source.Key,
                flow.Target.Key,
                live.Count,
                _live[flow.Target.Key].Count,
                links.Select(l => l.Source.RecordId).Where(live.Contains).Distinct(StringComparer.Ordinal).Count(),
                links.Count(l => Kind(l) == JoinedBy.Match),
                links.Count(l => Kind(l) == JoinedBy.Insert),
                links.Count(l => Kind(l) == JoinedBy.Manual),
                errors.GetValueOrDefault(source) + (target == source ? 0 : errors.GetValueOrDefault(target))));
        }

        return flows;
    }

    private static Dataset DatasetOf(DatatypeMapping mapping) => new(mapping.System, mapping.Datatype);

    // A link is an insert when Tolk created either side, by hand when a person made it, else a match.
    private static JoinedBy Kind(FlowLink link) =>
        link.Source.JoinedBy == JoinedBy.Insert || link.Target.JoinedBy == JoinedBy.Insert ? JoinedBy.Insert
        : link.Source.JoinedBy == JoinedBy.Manual || link.Target.JoinedBy == JoinedBy.Manual ? JoinedBy.Manual
        : JoinedBy.Match;

    private async Task FollowLogAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await store.ReadLogAsync(null, _after, Page, cancellationToken);
            foreach (var version in page)
            {
                Apply(version);
            }

            if (page.Count > 0)
            {
                _after = page[^1].Seq;
            }

            if (page.Count < Page)
            {
                return;
            }
        }
    }

    private void Apply(RecordVersion version)
    {
        var mappings = _mappings[version.Dataset];
        if (!mappings.Any())
        {
            return;
        }

        var content = version.Deleted ? null : Parse(version.Content);
        if (content is null)
        {
            _records.Remove((version.Dataset, version.RecordId));
        }
        else
        {
            _records.Add((version.Dataset, version.RecordId));
        }

        foreach (var mapping in mappings)
        {
            if (content is not null && mapping.Applies(content))
            {
                _live[mapping.Key].Add(version.RecordId);
            }
            else
            {
                _live[mapping.Key].Remove(version.RecordId);
            }
        }
    }

    private static JsonObject? Parse(string content)
    {
        try
        {
            return JsonNode.Parse(content) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
