namespace Tolk.Hub.Store;

/// <summary>
/// One write transaction. Nothing is visible to readers until <see cref="CommitAsync"/>; disposing without committing
/// rolls everything back. Not thread-safe: one caller at a time.
/// </summary>
public interface IHubWriter : IAsyncDisposable
{
    /// <summary>
    /// Appends a version for each record whose hash differs from its latest version. The batch is atomic: an exception
    /// thrown while enumerating <paramref name="records"/> undoes all of it.
    /// </summary>
    Task<AppendResult> AppendAsync(
        Dataset dataset, IEnumerable<HubRecord> records, AppendMode mode = AppendMode.SkipInvalid, CancellationToken cancellationToken = default);

    /// <summary>Saves a cursor (value must be JSON) and returns its new revision.</summary>
    Task<long> SaveCursorAsync(HubCursor cursor, CancellationToken cancellationToken = default);

    /// <summary>Creates an empty cluster of a global type and returns its id.</summary>
    Task<long> CreateClusterAsync(string globalType, string goldenRecord = "{}", CancellationToken cancellationToken = default);

    /// <summary>Replaces a cluster's golden record; false when there is no such cluster.</summary>
    Task<bool> SetGoldenRecordAsync(long clusterId, string goldenRecord, CancellationToken cancellationToken = default);

    /// <summary>Adds a member (idempotent for the same cluster); a member of another cluster must be removed or merged first.</summary>
    Task<ClusterMember> AddMemberAsync(long clusterId, MemberKey member, JoinedBy joinedBy, CancellationToken cancellationToken = default);

    /// <summary>Removes a membership; false when there was none.</summary>
    Task<bool> RemoveMemberAsync(MemberKey member, CancellationToken cancellationToken = default);

    /// <summary>Stores the canonical values (JSON) last synchronized with a member; false when there is no such member.</summary>
    Task<bool> SetSyncedValuesAsync(MemberKey member, string syncedValues, CancellationToken cancellationToken = default);

    /// <summary>Moves everything of <paramref name="absorbedId"/> into <paramref name="survivorId"/> and deletes the absorbed cluster.</summary>
    Task<MergeOutcome> MergeClustersAsync(long survivorId, long absorbedId, CancellationToken cancellationToken = default);

    /// <summary>Records a pending insert; commit it before calling the API.</summary>
    Task<WriteIntent> AddIntentAsync(NewIntent intent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resolves a pending intent with the record the API created: appends its version, adds it to the intent's cluster
    /// (joined by insert, with <paramref name="syncedValues"/> when given) and marks the intent done. When the record is
    /// rejected nothing changes and the errors are returned.
    /// </summary>
    Task<AppendResult> CompleteIntentAsync(
        long intentId, HubRecord created, string? syncedValues = null, CancellationToken cancellationToken = default);

    /// <summary>Marks a pending intent failed with the reason.</summary>
    Task FailIntentAsync(long intentId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Logs a conflict and returns its id.</summary>
    Task<long> AddConflictAsync(NewConflict conflict, CancellationToken cancellationToken = default);

    /// <summary>Records an error at a stage: a new row, or the same unresolved row seen again (attempts + 1).</summary>
    Task<HubError> RecordErrorAsync(RecordError recordError, string stage, CancellationToken cancellationToken = default);

    /// <summary>Adds an entry to the activity log and returns its id.</summary>
    Task<long> AddActivityAsync(NewActivity activity, CancellationToken cancellationToken = default);

    /// <summary>Marks a record's unresolved errors resolved (of one stage, or all) and returns how many.</summary>
    Task<int> ResolveErrorsAsync(Dataset dataset, string recordId, string? stage = null, CancellationToken cancellationToken = default);

    /// <summary>Makes everything written through this writer durable and visible.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
