namespace Tolk.Hub.Store;

/// <summary>The <see cref="IHubWriter"/> surface: each operation runs the store's SQL inside this transaction.</summary>
internal sealed partial class HubWriter
{
    public Task<AppendResult> AppendAsync(
        Dataset dataset, IEnumerable<HubRecord> records, AppendMode mode = AppendMode.SkipInvalid, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.AppendCoreAsync(this, dataset, records, mode, cancellationToken);
    }

    public Task<long> SaveCursorAsync(HubCursor cursor, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.SaveCursorCoreAsync(this, cursor, cancellationToken);
    }

    public Task<long> CreateClusterAsync(string globalType, string goldenRecord = "{}", CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.CreateClusterCoreAsync(this, globalType, goldenRecord, cancellationToken);
    }

    public Task<bool> SetGoldenRecordAsync(long clusterId, string goldenRecord, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.SetGoldenRecordCoreAsync(this, clusterId, goldenRecord, cancellationToken);
    }

    public Task<ClusterMember> AddMemberAsync(long clusterId, MemberKey member, JoinedBy joinedBy, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.AddMemberCoreAsync(this, clusterId, member, joinedBy, cancellationToken);
    }

    public Task<bool> RemoveMemberAsync(MemberKey member, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return HubStore.RemoveMemberCoreAsync(this, member, cancellationToken);
    }

    public Task<bool> SetSyncedValuesAsync(MemberKey member, string syncedValues, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return HubStore.SetSyncedValuesCoreAsync(this, member, syncedValues, cancellationToken);
    }

    public Task<MergeOutcome> MergeClustersAsync(long survivorId, long absorbedId, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.MergeClustersCoreAsync(this, survivorId, absorbedId, cancellationToken);
    }

    public Task<WriteIntent> AddIntentAsync(NewIntent intent, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.AddIntentCoreAsync(this, intent, cancellationToken);
    }

    public Task<AppendResult> CompleteIntentAsync(
        long intentId, HubRecord created, string? syncedValues = null, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.CompleteIntentCoreAsync(this, intentId, created, syncedValues, cancellationToken);
    }

    public Task FailIntentAsync(long intentId, string reason, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.FailIntentCoreAsync(this, intentId, reason, cancellationToken);
    }

    public Task<long> AddConflictAsync(NewConflict conflict, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.AddConflictCoreAsync(this, conflict, cancellationToken);
    }

    public Task<long> AddActivityAsync(NewActivity activity, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.AddActivityCoreAsync(this, activity, cancellationToken);
    }

    public Task<HubError> RecordErrorAsync(RecordError recordError, string stage, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.RecordErrorCoreAsync(this, recordError, stage, cancellationToken);
    }

    public Task<int> ResolveErrorsAsync(Dataset dataset, string recordId, string? stage = null, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return Store.ResolveErrorsCoreAsync(this, dataset, recordId, stage, cancellationToken);
    }
}
