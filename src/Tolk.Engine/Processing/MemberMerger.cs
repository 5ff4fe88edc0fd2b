using Tolk.Engine.Golden;
using Tolk.Engine.Index;
using Tolk.Engine.Linking;
using Tolk.Engine.Running;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Processing;

/// <summary>
/// Merges a member's latest version into its cluster's golden record: projects it onto the shared model, finds its
/// edits against the values last synchronized with it, runs the three-way merge, logs conflicts, and stores the golden
/// record and the member's new synchronized values in one transaction.
/// </summary>
public sealed class MemberMerger(IHubStore store, SyncTopology topology, ReferenceResolver resolver)
{
    /// <summary>
    /// Merges <paramref name="record"/> (the member's latest version) into cluster <paramref name="clusterId"/>.
    /// <paramref name="firstJoin"/>: the member has just joined, so nothing it holds has been synchronized yet.
    /// Returns false when the record could not be read (an error is recorded naming the field).
    /// </summary>
    public async Task<bool> MergeAsync(long clusterId, Participant participant, IndexedRecord record, bool firstJoin, CycleReport report, CancellationToken cancellationToken)
    {
        var member = participant.Member(record.Id);
        var cluster = await store.GetClusterAsync(clusterId, cancellationToken);
        var row = cluster?.Members.FirstOrDefault(m => m.Key == member);
        if (cluster is null || row is null)
        {
            return false;
        }

        var golden = GoldenRecord.Parse(cluster.GoldenRecord, participant.Type);
        var reading = participant.Mapper.Read(record.Content, Plain(golden));
        if (!reading.IsOk)
        {
            await RecordConversionErrors(member, reading.Errors, participant, report, cancellationToken);
            return false;
        }

        var synced = firstJoin || row.SyncedValues is null ? null : ValuesJson.Read(row.SyncedValues, participant.Type);
        var current = new Dictionary<string, CanonicalValue?>(StringComparer.Ordinal);
        var syncedGolden = synced is null ? null : new Dictionary<string, CanonicalValue?>(StringComparer.Ordinal);
        var edited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (property, value) in reading.Values)
        {
            current[property] = await resolver.ToGoldenAsync(participant, property, value, cancellationToken);
            if (synced is null || !synced.TryGetValue(property, out var before) || !Equals(before, value))
            {
                edited.Add(property);
            }
        }

        if (synced is not null)
        {
            foreach (var (property, value) in synced)
            {
                syncedGolden![property] = await resolver.ToGoldenAsync(participant, property, value, cancellationToken);
            }
        }

        await RefreshReferences(golden, cancellationToken);
        var edit = new MemberEdit(GoldenRefs.Label(member), current, syncedGolden, edited, record.ChangedAt, participant.AsSource.Count > 0);
        var (conflicts, changed) = ThreeWayMerge.Apply(golden, edit, IsSource);
        var newSynced = new Dictionary<string, CanonicalValue?>(synced ?? [], StringComparer.Ordinal);
        foreach (var (property, value) in reading.Values)
        {
            newSynced[property] = value;
        }

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        if (changed)
        {
            await writer.SetGoldenRecordAsync(clusterId, golden.ToJson(), cancellationToken);
        }

        await writer.SetSyncedValuesAsync(member, ValuesJson.Write(newSynced), cancellationToken);
        foreach (var conflict in conflicts)
        {
            await writer.AddConflictAsync(ToNewConflict(clusterId, conflict), cancellationToken);
            foreach (var flow in participant.Flows)
            {
                report.Flow(flow.Number).Conflicts++;
            }
        }

        await writer.ResolveErrorsAsync(member.Dataset, member.RecordId, "process", cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The golden record's plain values without references (what lossy converters keep).</summary>
    internal static Dictionary<string, CanonicalValue?> Plain(GoldenRecord golden) =>
        golden.Values.Where(v => v.Value.Value is not ReferenceValue).ToDictionary(v => v.Key, v => v.Value.Value, StringComparer.Ordinal);

    private async Task RefreshReferences(GoldenRecord golden, CancellationToken cancellationToken)
    {
        foreach (var (property, value) in golden.Values.ToList())
        {
            var refreshed = await resolver.RefreshAsync(value.Value, cancellationToken);
            if (!Equals(refreshed, value.Value))
            {
                golden.Set(property, value with { Value = refreshed });
            }
        }
    }

    private bool IsSource(string label) =>
        label.Split('/', 3) is [var system, var datatype, _]
        && topology.Of(new Dataset(system, datatype)).Any(p => p.AsSource.Count > 0);

    private static NewConflict ToNewConflict(long clusterId, MergeConflict conflict) =>
        new(clusterId, conflict.Property, Side(conflict.Winner), Side(conflict.Loser));

    private static ConflictSide Side(GoldenValue value)
    {
        var parts = value.By.Split('/', 3);
        var dataset = parts.Length == 3 ? new Dataset(parts[0], parts[1]) : new Dataset("unknown", "unknown");
        return new ConflictSide(dataset, parts.Length == 3 ? parts[2] : value.By, CanonicalJson.ToJson(value.Value)?.ToJsonString() ?? "null", value.ChangedAt);
    }

    private async Task RecordConversionErrors(MemberKey member, IReadOnlyList<ConversionError> errors, Participant participant, CycleReport report, CancellationToken cancellationToken)
    {
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var first = errors[0];
        var message = string.Join("; ", errors.Select(e => e.ToString()));
        await writer.RecordErrorAsync(new RecordError(member.Dataset, member.RecordId, first.Property, $"{participant}: {message}"), "process", cancellationToken);
        await writer.CommitAsync(cancellationToken);
        foreach (var flow in participant.Flows)
        {
            report.Flow(flow.Number).Errors++;
        }
    }
}
