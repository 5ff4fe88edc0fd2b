using System.Collections.Concurrent;
using System.Data.Common;

namespace Tolk.Hub.Store;

/// <summary>
/// The engine-neutral hub store over ADO.NET. An engine supplies connections and its <see cref="SqlDialect"/>; all SQL
/// comes from embedded resources. One writer at a time inside the process; every read opens its own connection.
/// </summary>
public abstract partial class HubStore : IHubStore
{
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private int disposed;

    // Only ids of committed datasets: a writer keeps its new ones until commit, since a rollback would orphan them.
    private readonly ConcurrentDictionary<Dataset, long> datasetIds = new();

    private protected HubStore(SqlDialect dialect, HubStoreOptions options, TimeProvider timeProvider)
    {
        Dialect = dialect;
        Sql = new SqlScripts(dialect.Engine);
        Options = options;
        Time = timeProvider;
    }

    /// <summary>The newest schema version this build knows.</summary>
    public int SupportedSchemaVersion => Sql.Migrations.Count;

    internal SqlDialect Dialect { get; }

    internal SqlScripts Sql { get; }

    internal HubStoreOptions Options { get; }

    internal TimeProvider Time { get; }

    /// <inheritdoc/>
    public async Task<IHubWriter> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed == 1, this);
        await writeLock.WaitAsync(cancellationToken);
        DbConnection? connection = null;
        try
        {
            connection = await OpenConnectionAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new HubWriter(this, connection, transaction, writeLock);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            writeLock.Release();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        // Let a writer in flight finish before the engine releases its connections; the lock is never released again,
        // so no writer starts on a closed store. A writer a caller leaked cannot hold the store open for ever.
        await writeLock.WaitAsync(Options.BusyTimeout);
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the engine holds (pools, files).</summary>
    private protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    /// <summary>A new connection to the store, not yet opened.</summary>
    private protected abstract DbConnection CreateConnection();

    /// <summary>Per-connection settings an engine applies after opening.</summary>
    private protected virtual Task InitializeConnectionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    internal async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed == 1, this);
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await InitializeConnectionAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal DbCommand Command(DbConnection connection, string name, DbTransaction? transaction = null) =>
        DbCommands.Create(connection, transaction, Sql[name]);

    internal bool TryGetDatasetId(Dataset dataset, out long id) => datasetIds.TryGetValue(dataset, out id);

    internal void PublishDatasetIds(IEnumerable<KeyValuePair<Dataset, long>> committed)
    {
        foreach (var (dataset, id) in committed)
        {
            datasetIds[dataset] = id;
        }
    }

    private static void CheckLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
    }
}
