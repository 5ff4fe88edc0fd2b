using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Engine.Golden;
using Tolk.Engine.Index;
using Tolk.Engine.Linking;
using Tolk.Engine.Processing;
using Tolk.Engine.Running;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;
using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;

namespace Tolk.Engine.Planning;

/// <summary>
/// Plans the writes a cluster needs: each member's desired state is the golden record projected onto its mapping
/// (references translated through links); only the properties whose value differs are written, so a record with no
/// real change costs nothing. A flow's source member without a linked target record gets an insert once every
/// reference it needs can be translated; until then the write waits, visibly.
/// </summary>
public sealed class Planner(IHubStore store, SyncTopology topology, RecordIndex index, ReferenceResolver resolver, FlowControl control)
{
    /// <summary>The writes cluster <paramref name="clusterId"/> needs now.</summary>
    public async Task<IReadOnlyList<PlannedWrite>> PlanAsync(long clusterId, IReadOnlySet<(long, string)> skipInserts, CycleReport report, CancellationToken cancellationToken)
    {
        var cluster = await store.GetClusterAsync(clusterId, cancellationToken);
        if (cluster is null || topology.Configuration.Model.Find(cluster.GlobalType) is not { } type)
        {
            return [];
        }

        var golden = GoldenRecord.Parse(cluster.GoldenRecord, type);
        var writes = new List<PlannedWrite>();
        foreach (var member in cluster.Members)
        {
            if (topology.Of(member.Key) is { } participant && control.MayUpdate(participant)
                && index.Get(member.Dataset, member.RecordId) is { Deleted: false } record
                && await PlanUpdateAsync(cluster.Id, participant, member, record, golden, report, cancellationToken) is { } update)
            {
                writes.Add(update);
            }
        }

        foreach (var flow in topology.Configuration.Flows.Where(f => f.Source.GlobalType == cluster.GlobalType))
        {
            var source = topology.Of(flow.Source);
            var target = topology.Of(flow.Target);
            var origin = cluster.Members.FirstOrDefault(m => m.Dataset == source.Dataset && m.Role == source.Role);
            if (origin is null || cluster.Members.Any(m => m.Dataset == target.Dataset && m.Role == target.Role)
                || writes.OfType<PlannedInsert>().Any(w => w.Target == target) || skipInserts.Contains((cluster.Id, target.Key))
                || !control.MayInsert(flow, target) || index.Get(origin.Dataset, origin.RecordId) is not { Deleted: false } sourceRecord
                || !control.IsNewEnough(flow, sourceRecord))
            {
                continue;
            }

            if (await PlanInsertAsync(cluster.Id, flow, target, origin.Key, golden, report, cancellationToken) is { } insert)
            {
                writes.Add(insert);
            }
        }

        return writes;
    }

    private async Task<PlannedUpdate?> PlanUpdateAsync(long clusterId, Participant participant, ClusterMember member, IndexedRecord record, GoldenRecord golden, CycleReport report, CancellationToken cancellationToken)
    {
        var current = participant.Mapper.Read(record.Content, MemberMerger.Plain(golden));
        if (!current.IsOk)
        {
            return null;
        }

        var synced = ValuesJson.Read(member.SyncedValues, participant.Type);
        var changed = new Dictionary<string, CanonicalValue?>(StringComparer.Ordinal);
        foreach (var (property, value) in golden.Values)
        {
            if (!participant.Writes(property))
            {
                continue;
            }

            var desired = await resolver.ToSystemAsync(participant, property, value.Value, cancellationToken);
            if (desired.Skip)
            {
                continue;
            }

            if (!desired.Resolved)
            {
                Wait(report, clusterId, participant, property, desired.Waiting!);
                continue;
            }

            var now = current.Values.TryGetValue(property, out var held) ? held : synced.GetValueOrDefault(property);
            if (!Equals(desired.Value, now))
            {
                changed[property] = desired.Value;
            }
        }

        if (changed.Count == 0)
        {
            return null;
        }

        var values = await ExpandAsync(participant, changed, golden, current.Values, cancellationToken);
        var writing = participant.Mapper.Write(values, record.Content);
        if (!writing.IsOk || writing.Fields.Count == 0)
        {
            await RecordWriteErrors(participant.Member(member.RecordId), participant, writing.Errors, report, cancellationToken);
            return null;
        }

        var newSynced = new Dictionary<string, CanonicalValue?>(current.Values, StringComparer.Ordinal);
        foreach (var (property, value) in values)
        {
            newSynced[property] = value;
        }

        return new PlannedUpdate(clusterId, participant, member.RecordId, writing.Fields, newSynced, FlowsOf(participant)) { Reason = Describe(changed.Keys, golden) };
    }

    private async Task<PlannedInsert?> PlanInsertAsync(long clusterId, ResolvedFlow flow, Participant target, MemberKey origin, GoldenRecord golden, CycleReport report, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, CanonicalValue?>(StringComparer.Ordinal);
        var waiting = false;
        foreach (var (property, value) in golden.Values)
        {
            if (!target.Mapping.MappingsOf(property).Any(m => m.Writes))
            {
                continue;
            }

            var desired = await resolver.ToSystemAsync(target, property, value.Value, cancellationToken);
            if (desired.Skip)
            {
                continue;
            }

            if (!desired.Resolved)
            {
                Wait(report, clusterId, target, property, desired.Waiting!);
                waiting = true;
                continue;
            }

            values[property] = desired.Value;
        }

        if (waiting)
        {
            return null;
        }

        var writing = target.Mapper.Write(values, null, insert: true);
        if (!writing.IsOk)
        {
            await RecordWriteErrors(origin, target, writing.Errors, report, cancellationToken);
            return null;
        }

        return new PlannedInsert(clusterId, target, writing.Fields, values, [flow.Number], origin, MatchFields(flow, target, writing.Fields))
        {
            Reason = $"created for {origin.Dataset.System} {origin.Dataset.Datatype} {origin.RecordId} ({flow})",
        };
    }

    // A converter writes several properties at once: give it all of them.
    private async Task<Dictionary<string, CanonicalValue?>> ExpandAsync(Participant participant, Dictionary<string, CanonicalValue?> changed, GoldenRecord golden, IReadOnlyDictionary<string, CanonicalValue?> current, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, CanonicalValue?>(changed, StringComparer.Ordinal);
        foreach (var mapping in participant.Mapping.Properties.Where(m => m.Writes && !m.InsertOnly && m.Properties.Any(changed.ContainsKey)))
        {
            foreach (var property in mapping.Properties.Where(p => !values.ContainsKey(p)))
            {
                var translated = golden[property] is { } value ? await resolver.ToSystemAsync(participant, property, value.Value, cancellationToken) : default;
                values[property] = translated.Resolved && golden[property] is not null ? translated.Value : current.GetValueOrDefault(property);
            }
        }

        return values;
    }

    // "name, email from asana/team/12; phone from tidsbanken/kunde/4"
    private static string Describe(IEnumerable<string> properties, GoldenRecord golden) =>
        string.Join("; ", properties.GroupBy(p => golden[p]?.By ?? "?").Select(g => $"{string.Join(", ", g)} from {g.Key}"));

    private static Dictionary<string, string> MatchFields(ResolvedFlow flow, Participant target, JsonObject fields)
    {
        var match = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in flow.Merge)
        {
            var mapping = target.Mapping.MappingsOf(key.Property).FirstOrDefault(m => m.Fields.Count == 1);
            if (mapping is not null && mapping.Fields[0].TryGet(fields, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text))
            {
                match[mapping.Fields[0].Text] = text;
            }
        }

        return match;
    }

    private static IReadOnlyList<int> FlowsOf(Participant participant) => [.. participant.Flows.Select(f => f.Number)];

    private static void Wait(CycleReport report, long clusterId, Participant participant, string property, string reason)
    {
        report.Waiting.Add(new WaitingWrite(clusterId, participant.Key, property, reason));
        foreach (var flow in participant.AsTarget)
        {
            report.Flow(flow.Number).Waiting++;
        }
    }

    private async Task RecordWriteErrors(MemberKey member, Participant target, IReadOnlyList<ConversionError> errors, CycleReport report, CancellationToken cancellationToken)
    {
        if (errors.Count == 0)
        {
            return;
        }

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var message = $"cannot write to {target}: " + string.Join("; ", errors.Select(e => e.ToString()));
        await writer.RecordErrorAsync(new RecordError(member.Dataset, member.RecordId, errors[0].Property, message), $"plan {target.Key}", cancellationToken);
        await writer.CommitAsync(cancellationToken);
        foreach (var flow in target.Flows)
        {
            report.Flow(flow.Number).Errors++;
        }
    }
}
