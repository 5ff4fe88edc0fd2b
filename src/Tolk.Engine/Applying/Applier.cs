using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Engine.Golden;
using Tolk.Engine.Planning;
using Tolk.Engine.Running;
using Tolk.Engine.Topology;
using Tolk.Hub.Store;

namespace Tolk.Engine.Applying;

/// <summary>
/// Carries out planned writes through the connectors, one queue per system (systems in parallel, each system's writes
/// in order). Inserts follow the intent protocol: the intent is committed before the API call, and the created record
/// joins its cluster, its version and the intent's completion in one transaction. Every write's response is appended to
/// the log with the member's new synchronized values, so reading it back is not an edit. Each write and its record hold
/// the system's lock (<see cref="SystemLocks"/>), so no read of that system overlaps it.
/// </summary>
public sealed class Applier(IHubStore store, SyncTopology topology, IReadOnlyDictionary<string, IConnector> connectors, SystemLocks locks, ILogger logger)
{
    /// <summary>Carries out <paramref name="writes"/>; returns the clusters whose writes should be tried again later.</summary>
    public async Task<IReadOnlySet<long>> ApplyAsync(IReadOnlyList<PlannedWrite> writes, CycleReport report, CancellationToken cancellationToken)
    {
        var retry = new HashSet<long>();
        var queues = writes.GroupBy(w => w.Target.Dataset.System).Select(async group =>
        {
            foreach (var write in group)
            {
                if (IsBlocked(report, group.Key))
                {
                    lock (retry)
                    {
                        retry.Add(write.ClusterId);
                    }

                    continue;
                }

                bool ok;
                using (await locks.EnterAsync(group.Key, cancellationToken))
                {
                    ok = write switch
                    {
                        PlannedInsert insert => await InsertAsync(insert, report, cancellationToken),
                        PlannedUpdate update => await UpdateAsync(update, report, cancellationToken),
                        _ => true,
                    };
                }

                if (!ok)
                {
                    lock (retry)
                    {
                        retry.Add(write.ClusterId);
                    }
                }
            }
        });
        await Task.WhenAll(queues);
        return retry;
    }

    /// <summary>Resolves the inserts whose outcome is not known (a crash or a lost response): adopts the record if it was created, else creates it.</summary>
    public async Task<IReadOnlySet<(long, string)>> ResolvePendingAsync(CycleReport report, CancellationToken cancellationToken)
    {
        var unresolved = new HashSet<(long, string)>();
        foreach (var intent in await store.GetPendingIntentsAsync(cancellationToken))
        {
            var participant = topology.Of(new MemberKey(intent.Dataset, "", intent.Role));
            if (participant is null || !connectors.TryGetValue(intent.Dataset.System, out var connector) || IsBlocked(report, intent.Dataset.System))
            {
                unresolved.Add((intent.ClusterId, participant?.Key ?? intent.Dataset.ToString()));
                continue;
            }

            var (request, synced) = InsertPayload.Read(intent.Payload, intent.IdempotencyKey);
            using var held = await locks.EnterAsync(intent.Dataset.System, cancellationToken);
            var found = await connector.FindCreatedAsync(intent.Dataset.Datatype, request, cancellationToken);
            var outcome = found is not null ? WriteOutcome.Ok(found) : await Count(report, connector.CreateAsync(intent.Dataset.Datatype, request, cancellationToken));
            if (!await FinishInsertAsync(intent.Id, intent.ClusterId, participant, $"created for cluster {intent.ClusterId} (an insert whose outcome was not known, resolved)", outcome, synced, report, [.. participant.AsTarget.Select(f => f.Number)], cancellationToken))
            {
                unresolved.Add((intent.ClusterId, participant.Key));
            }
        }

        return unresolved;
    }

    /// <summary>Deletes (or archives) a linked record whose counterpart was deleted; appends what the system answered.</summary>
    public async Task<bool> DeleteAsync(Participant target, string recordId, CycleReport report, CancellationToken cancellationToken)
    {
        if (!connectors.TryGetValue(target.Dataset.System, out var connector) || !(target.Can(Capabilities.Delete) || target.Can(Capabilities.Archive)))
        {
            await RecordError(target.Member(recordId), "delete", new Failure(FailureKind.NotSupported, $"{target} cannot be deleted or archived through its API"), report, target, cancellationToken);
            return false;
        }

        using var held = await locks.EnterAsync(target.Dataset.System, cancellationToken);
        var outcome = await Count(report, connector.DeleteAsync(target.Dataset.Datatype, recordId, cancellationToken));
        if (!outcome.Succeeded && outcome.Failure!.Kind != FailureKind.NotFound)
        {
            await RecordError(target.Member(recordId), "delete", outcome.Failure, report, target, cancellationToken);
            return false;
        }

        if (outcome.Record is { } record)
        {
            await store.AppendAsync(target.Dataset, [record.ToHubRecord()], cancellationToken: cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Archives or deactivates a linked record whose counterpart was deleted: through the API's archive where deleting is
    /// not possible, else by writing its <c>active</c> property false.
    /// </summary>
    public async Task<bool> ArchiveAsync(Participant target, string recordId, CycleReport report, CancellationToken cancellationToken)
    {
        if (target.Can(Capabilities.Archive))
        {
            return await DeleteAsync(target, recordId, report, cancellationToken);
        }

        var fields = target.Writes("active") ? target.Mapper.Write(new Dictionary<string, Tolk.Sync.Conversion.CanonicalValue?> { ["active"] = new Tolk.Sync.Conversion.BooleanValue(false) }).Fields : [];
        if (fields.Count == 0 || !connectors.TryGetValue(target.Dataset.System, out var connector))
        {
            await RecordError(target.Member(recordId), "delete", new Failure(FailureKind.NotSupported, $"{target} can be neither archived nor deactivated"), report, target, cancellationToken);
            return false;
        }

        using var held = await locks.EnterAsync(target.Dataset.System, cancellationToken);
        var outcome = await Count(report, connector.UpdateAsync(target.Dataset.Datatype, recordId, fields, cancellationToken));
        if (!outcome.Succeeded)
        {
            await RecordError(target.Member(recordId), "delete", outcome.Failure!, report, target, cancellationToken);
            return false;
        }

        if (outcome.Record is { } record)
        {
            await store.AppendAsync(target.Dataset, [record.ToHubRecord()], cancellationToken: cancellationToken);
        }

        return true;
    }

    private async Task<bool> UpdateAsync(PlannedUpdate update, CycleReport report, CancellationToken cancellationToken)
    {
        var connector = connectors[update.Target.Dataset.System];
        var outcome = await Count(report, connector.UpdateAsync(update.Target.Dataset.Datatype, update.RecordId, update.Fields, cancellationToken));
        if (outcome.Failure?.Kind == FailureKind.Conflict && outcome.Record is { } current
            && (await store.AppendAsync(update.Target.Dataset, [current.ToHubRecord()], cancellationToken: cancellationToken)).Appended > 0)
        {
            // The record changed since Tolk read it (an edit not read yet) and the system refused to write over it. Its
            // current version is now in the log: processing it merges that edit, and the write is planned again on top.
            logger.LogInformation("{Target} {Id} changed since it was read; merging that change before writing again", update.Target, update.RecordId);
            return true;
        }

        if (!outcome.Succeeded)
        {
            await RecordError(update.Member, $"apply", outcome.Failure!, report, update.Target, cancellationToken);
            return outcome.Failure!.Kind is FailureKind.RateLimited or FailureKind.Unavailable;
        }

        await using var writer = await store.BeginWriteAsync(cancellationToken);
        if (outcome.Record is { } record)
        {
            await writer.AppendAsync(update.Target.Dataset, [record.ToHubRecord()], AppendMode.SkipInvalid, cancellationToken);
        }

        await writer.SetSyncedValuesAsync(update.Member, ValuesJson.Write(update.Synced), cancellationToken);
        await writer.AddActivityAsync(new NewActivity(ActivityKinds.Updated, update.ClusterId, update.Target.Dataset, update.RecordId, update.Reason), cancellationToken);
        await writer.ResolveErrorsAsync(update.Member.Dataset, update.RecordId, "apply", cancellationToken);
        await writer.CommitAsync(cancellationToken);
        Bump(report, update.Flows, s => s.Updated++);

        logger.LogDebug("Updated {Target} {Id}: {Fields}", update.Target, update.RecordId, string.Join(", ", update.Fields.Select(f => f.Key)));
        return true;
    }

    private async Task<bool> InsertAsync(PlannedInsert insert, CycleReport report, CancellationToken cancellationToken)
    {
        var connector = connectors[insert.Target.Dataset.System];
        var synced = ValuesJson.Write(insert.Synced);
        var key = $"tolk-{Guid.NewGuid():N}";
        var intent = await store.AddIntentAsync(
            new NewIntent(insert.ClusterId, insert.Target.Dataset, insert.Target.Role, InsertPayload.Write(insert.Fields, insert.MatchFields, synced), key), cancellationToken);
        var outcome = await Count(report, connector.CreateAsync(insert.Target.Dataset.Datatype, new CreateRequest(insert.Fields, key, insert.MatchFields), cancellationToken));
        return await FinishInsertAsync(intent.Id, insert.ClusterId, insert.Target, insert.Reason, outcome, synced, report, insert.Flows, cancellationToken, insert.Source);
    }

    private async Task<bool> FinishInsertAsync(long intentId, long clusterId, Participant target, string forWhat, WriteOutcome outcome, string? synced, CycleReport report,
        IReadOnlyList<int> flows, CancellationToken cancellationToken, MemberKey? source = null)
    {
        if (outcome.Succeeded && outcome.Record is { } record)
        {
            var created = record.ToHubRecord();
            var result = await store.CompleteIntentAsync(intentId, created, CreatedValues(target, record, synced), cancellationToken);
            if (!result.IsComplete)
            {
                await store.FailIntentAsync(intentId, $"{target} answered a record the hub cannot store: {result.Errors[0].Message}", cancellationToken);
                return false;
            }

            await store.AddActivityAsync(new NewActivity(ActivityKinds.Inserted, clusterId, target.Dataset, record.Id, forWhat), cancellationToken);
            Bump(report, flows, s => s.Inserted++);

            logger.LogDebug("Created {Target} {Id} for {Source} (cluster {Cluster})", target, record.Id, forWhat, clusterId);
            return true;
        }

        var failure = outcome.Failure ?? new Failure(FailureKind.Unavailable, $"{target} accepted the create but answered no record");
        var transient = failure.Kind is FailureKind.RateLimited or FailureKind.Unavailable;
        if (!transient)
        {
            await store.FailIntentAsync(intentId, failure.Message, cancellationToken);
        }

        var member = source ?? new MemberKey(target.Dataset, $"(new, cluster {clusterId})", target.Role);
        await RecordError(member, $"insert {target.Key}", failure, report, target, cancellationToken);
        return false;
    }

    // What the new member holds: what the system answered (values it assigned itself are not edits), with what was
    // written on top (a value the system changed on the way in then reads back as its edit, and the cluster follows it).
    private static string CreatedValues(Participant target, ConnectorRecord record, string? written)
    {
        var values = new Dictionary<string, Tolk.Sync.Conversion.CanonicalValue?>(target.Mapper.Read(record.Properties).Values, StringComparer.Ordinal);
        foreach (var (property, value) in ValuesJson.Read(written, target.Type))
        {
            values[property] = value;
        }

        return ValuesJson.Write(values);
    }

    private async Task RecordError(MemberKey member, string stage, Failure failure, CycleReport report, Participant target, CancellationToken cancellationToken)
    {
        if (failure.Kind == FailureKind.CredentialsRejected)
        {
            lock (report.BlockedSystems)
            {
                report.BlockedSystems.Add(target.Dataset.System);
            }
        }

        await store.RecordErrorAsync(new RecordError(member.Dataset, member.RecordId, failure.Field, $"{target}: {failure.Message}"), stage, cancellationToken);
        Bump(report, [.. target.Flows.Select(f => f.Number)], s => s.Errors++);
    }

    private static void Bump(CycleReport report, IEnumerable<int> flows, Action<FlowStats> change)
    {
        lock (report)
        {
            foreach (var flow in flows)
            {
                change(report.Flow(flow));
            }
        }
    }

    private static bool IsBlocked(CycleReport report, string system)
    {
        lock (report.BlockedSystems)
        {
            return report.BlockedSystems.Contains(system);
        }
    }

    private static async Task<WriteOutcome> Count(CycleReport report, Task<WriteOutcome> call)
    {
        var outcome = await call;
        lock (report)
        {
            report.Writes++;
        }

        return outcome;
    }
}
