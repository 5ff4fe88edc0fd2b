using System.Data.Common;

namespace Tolk.Hub.Store;

/// <summary>
/// One write transaction on one connection, holding the store's write lock. The SQL of each concern lives in the
/// matching <see cref="HubStore"/> partial file; this class owns the transaction and what lives only as long as it.
/// </summary>
internal sealed partial class HubWriter : IHubWriter
{
    private readonly SemaphoreSlim writeLock;
    private readonly Dictionary<Dataset, long> newDatasetIds = [];
    private bool committed;
    private bool disposed;

    public HubWriter(HubStore store, DbConnection connection, DbTransaction transaction, SemaphoreSlim writeLock)
    {
        Store = store;
        Connection = connection;
        Transaction = transaction;
        this.writeLock = writeLock;
    }

    public HubStore Store { get; }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>Commands for appending, prepared once per transaction and reused for every row.</summary>
    public RecordAppender? Appender { get; set; }

    /// <summary>The last sequence number taken in this transaction; null until the first append reads it.</summary>
    public long? LastSeq { get; set; }

    public DbCommand Command(string name) => Store.Command(Connection, name, Transaction);

    /// <summary>The dataset's id, creating its row inside this transaction when it is new.</summary>
    public async ValueTask<long> DatasetIdAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        if (Store.TryGetDatasetId(dataset, out var id) || newDatasetIds.TryGetValue(dataset, out id))
        {
            return id;
        }
        await using (var insert = Command("Datasets/insert_dataset"))
        {
            await insert.With("@system", dataset.System).With("@datatype", dataset.Datatype).ExecuteNonQueryAsync(cancellationToken);
        }
        await using var select = Command("Datasets/select_dataset_id");
        id = await select.With("@system", dataset.System).With("@datatype", dataset.Datatype).ScalarInt64Async(cancellationToken);
        newDatasetIds[dataset] = id;
        return id;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        await Transaction.CommitAsync(cancellationToken);
        committed = true;
        Store.PublishDatasetIds(newDatasetIds);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        try
        {
            if (Appender is not null)
            {
                await Appender.DisposeAsync();
            }
            // Disposing an uncommitted transaction rolls it back.
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        finally
        {
            writeLock.Release();
        }
    }

    internal void EnsureOpen()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException("This write transaction is committed; begin a new one.");
        }
    }
}
