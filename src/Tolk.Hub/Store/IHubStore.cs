namespace Tolk.Hub.Store;

/// <summary>
/// The hub store: per-dataset append-only logs of record versions, and beside them clusters, write intents, cursors,
/// conflicts and errors. Reads run on their own connections; writes go through one <see cref="IHubWriter"/> at a time.
/// Single-step writes are in <see cref="HubStoreExtensions"/>.
/// </summary>
public interface IHubStore : IAsyncDisposable
{
    /// <summary>Starts a write transaction; it holds the store's write lock until committed or disposed.</summary>
    Task<IHubWriter> BeginWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>Versions with a sequence number above <paramref name="afterSeq"/>, in order: of one dataset, or of all when null.</summary>
    Task<IReadOnlyList<RecordVersion>> ReadLogAsync(Dataset? dataset, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>The latest version of a record, or null when the dataset has never held it.</summary>
    Task<RecordVersion?> GetLatestAsync(Dataset dataset, string recordId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A record's versions below <paramref name="beforeSeq"/>, newest first (its history, or the version before one).
    /// The log is indexed by dataset and sequence number, so this walks the dataset's log back from <paramref name="beforeSeq"/>.
    /// </summary>
    Task<IReadOnlyList<RecordVersion>> GetHistoryAsync(
        Dataset dataset, string recordId, int limit, long beforeSeq = long.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number written so far (0 for an empty store).</summary>
    Task<long> GetLastSeqAsync(CancellationToken cancellationToken = default);

    /// <summary>Every dataset with its record, deleted and version counts and its last sequence number.</summary>
    Task<IReadOnlyList<DatasetSummary>> GetDatasetSummariesAsync(CancellationToken cancellationToken = default);

    /// <summary>A cluster with its members, or null.</summary>
    Task<Cluster?> GetClusterAsync(long clusterId, CancellationToken cancellationToken = default);

    /// <summary>Every membership of a record (one per role it plays), so its clusters.</summary>
    Task<IReadOnlyList<ClusterMember>> FindMembersAsync(Dataset dataset, string recordId, CancellationToken cancellationToken = default);

    /// <summary>A flow's links: pairs of members of one cluster, one in <paramref name="source"/>, one in <paramref name="target"/>.</summary>
    Task<IReadOnlyList<FlowLink>> GetFlowLinksAsync(Dataset source, Dataset target, CancellationToken cancellationToken = default);

    /// <summary>An intent by id, or null.</summary>
    Task<WriteIntent?> GetIntentAsync(long intentId, CancellationToken cancellationToken = default);

    /// <summary>Intents still pending, oldest first: what crash recovery must resolve before anything else.</summary>
    Task<IReadOnlyList<WriteIntent>> GetPendingIntentsAsync(CancellationToken cancellationToken = default);

    /// <summary>A saved cursor, or null.</summary>
    Task<HubCursor?> GetCursorAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The latest logged conflicts, newest first, of one cluster or of all.</summary>
    Task<IReadOnlyList<Conflict>> GetConflictsAsync(long? clusterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The latest recorded errors, most recently seen first; resolved ones only when asked.</summary>
    Task<IReadOnlyList<HubError>> GetErrorsAsync(bool includeResolved, int limit, CancellationToken cancellationToken = default);

    /// <summary>The activity log after <paramref name="afterId"/>, newest first; only one record's entries when <paramref name="record"/> is given.</summary>
    Task<IReadOnlyList<Activity>> GetActivityAsync(long afterId, int limit, MemberRecord? record = null, CancellationToken cancellationToken = default);
}
