namespace Tolk.Hub.Store;

/// <summary>
/// The per-row work of an append inside one write transaction: the dedupe lookup and the version insert (which also
/// moves the record's <c>latest</c> row). Created once per transaction so its statements are prepared once.
/// </summary>
internal abstract class RecordAppender(HubWriter writer) : IAsyncDisposable
{
    /// <summary>Checks and encodes each record; its buffer holds the current record's UTF-8 content.</summary>
    public RecordEncoder Encoder { get; } = new(writer.Store.Options.MaxRecordBytes);

    /// <summary>Whether the record's latest version has this hash, so appending it again would change nothing.</summary>
    public abstract ValueTask<bool> IsUnchangedAsync(long datasetId, string recordId, byte[] hash, CancellationToken cancellationToken);

    /// <summary>Writes the version (the record last given to <see cref="Encoder"/>) and points <c>latest</c> at it.</summary>
    public abstract ValueTask AppendAsync(
        long seq, long datasetId, HubRecord record, byte[] hash, object observedAt, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
