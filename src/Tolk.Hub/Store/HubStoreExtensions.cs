namespace Tolk.Hub.Store;

/// <summary>Single-step writes: each runs in its own write transaction and commits.</summary>
public static class HubStoreExtensions
{
    /// <summary>
    /// Appends a batch and saves <paramref name="cursor"/> in the same transaction. Under <see cref="AppendMode.AllOrNothing"/>
    /// a batch with errors writes nothing, not even the cursor.
    /// </summary>
    public static async Task<AppendResult> AppendAsync(
        this IHubStore store, Dataset dataset, IEnumerable<HubRecord> records, HubCursor? cursor = null,
        AppendMode mode = AppendMode.SkipInvalid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var result = await writer.AppendAsync(dataset, records, mode, cancellationToken);
        if (mode == AppendMode.AllOrNothing && !result.IsComplete)
        {
            return result;
        }
        if (cursor is not null)
        {
            await writer.SaveCursorAsync(cursor, cancellationToken);
        }
        await writer.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Saves a cursor on its own and returns its new revision.</summary>
    public static Task<long> SaveCursorAsync(this IHubStore store, HubCursor cursor, CancellationToken cancellationToken = default) =>
        InOneTransaction(store, w => w.SaveCursorAsync(cursor, cancellationToken), cancellationToken);

    /// <summary>Creates a cluster and returns its id.</summary>
    public static Task<long> CreateClusterAsync(
        this IHubStore store, string globalType, string goldenRecord = "{}", CancellationToken cancellationToken = default) =>
        InOneTransaction(store, w => w.CreateClusterAsync(globalType, goldenRecord, cancellationToken), cancellationToken);

    /// <summary>Adds a member to a cluster.</summary>
    public static Task<ClusterMember> AddMemberAsync(
        this IHubStore store, long clusterId, MemberKey member, JoinedBy joinedBy, CancellationToken cancellationToken = default) =>
        InOneTransaction(store, w => w.AddMemberAsync(clusterId, member, joinedBy, cancellationToken), cancellationToken);

    /// <summary>Removes a membership; false when there was none.</summary>
    public static Task<bool> RemoveMemberAsync(this IHubStore store, MemberKey member, CancellationToken cancellationToken = default) =>
        InOneTransaction(store, w => w.RemoveMemberAsync(member, cancellationToken), cancellationToken);

    /// <summary>Merges two clusters (a person linked two records).</summary>
    public static Task<MergeOutcome> MergeClustersAsync(
        this IHubStore store, long survivorId, long absorbedId, CancellationToken cancellationToken = default) =>
        InOneTransaction(store, w => w.MergeClustersAsync(survivorId, absorbedId, cancellationToken), cancellationToken);

    /// <summary>Records and commits a pending insert intent, before the API call.</summary>
    public static Task<WriteIntent> AddIntentAsync(this IHubStore store, NewIntent intent, CancellationToken cancellationToken = default) =>
        InOneTransaction(store, w => w.AddIntentAsync(intent, cancellationToken), cancellationToken);

    /// <summary>Completes an intent with the created record (version, membership and intent state in one transaction).</summary>
    public static async Task<AppendResult> CompleteIntentAsync(
        this IHubStore store, long intentId, HubRecord created, string? syncedValues = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var result = await writer.CompleteIntentAsync(intentId, created, syncedValues, cancellationToken);
        if (result.IsComplete)
        {
            await writer.CommitAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>Marks a pending intent failed.</summary>
    public static Task FailIntentAsync(this IHubStore store, long intentId, string reason, CancellationToken cancellationToken = default) =>
        InOneTransaction(store, async w => { await w.FailIntentAsync(intentId, reason, cancellationToken); return true; }, cancellationToken);

    /// <summary>Adds an entry to the activity log.</summary>
    public static Task<long> AddActivityAsync(this IHubStore store, NewActivity activity, CancellationToken cancellationToken = default) =>
        InOneTransaction(store, w => w.AddActivityAsync(activity, cancellationToken), cancellationToken);

    /// <summary>Logs a conflict and returns its id.</summary>
    public static Task<long> AddConflictAsync(this IHubStore store, NewConflict conflict, CancellationToken cancellationToken = default) =>
        InOneTransaction(store, w => w.AddConflictAsync(conflict, cancellationToken), cancellationToken);

    /// <summary>Records an error at a stage (or counts another attempt of the same unresolved one).</summary>
    public static Task<HubError> RecordErrorAsync(
        this IHubStore store, RecordError recordError, string stage, CancellationToken cancellationToken = default) =>
        InOneTransaction(store, w => w.RecordErrorAsync(recordError, stage, cancellationToken), cancellationToken);

    private static async Task<T> InOneTransaction<T>(IHubStore store, Func<IHubWriter, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var writer = await store.BeginWriteAsync(cancellationToken);
        var result = await write(writer);
        await writer.CommitAsync(cancellationToken);
        return result;
    }
}
