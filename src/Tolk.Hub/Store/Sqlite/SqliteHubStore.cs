using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tolk.Hub.Store;

/// <summary>The hub store in one SQLite file: WAL mode, <c>synchronous=NORMAL</c>, a busy timeout, foreign keys on.</summary>
public sealed class SqliteHubStore : HubStore
{
    private readonly string connectionString;
    private readonly string initializeSql;
    private readonly bool portableAppender;

    private SqliteHubStore(SqliteHubStoreOptions options, TimeProvider timeProvider)
        : base(SqliteDialect.Instance, options, timeProvider)
    {
        FilePath = System.IO.Path.GetFullPath(options.Path);
        portableAppender = options.PortableAppender;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        initializeSql = Sql["open_connection"].Replace(
            "{busy_timeout_ms}", ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Opens (creating when missing) the store at <see cref="SqliteHubStoreOptions.Path"/> and upgrades its schema.</summary>
    public static Task<SqliteHubStore> OpenAsync(
        SqliteHubStoreOptions? options = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        OpenAsync(options ?? new SqliteHubStoreOptions(), timeProvider ?? TimeProvider.System, null, cancellationToken);

    /// <summary>Opens the store migrated up to <paramref name="schemaVersion"/> only: tests build older stores with it.</summary>
    internal static async Task<SqliteHubStore> OpenAsync(
        SqliteHubStoreOptions options, TimeProvider timeProvider, int? schemaVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = new SqliteHubStore(options, timeProvider);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(store.FilePath)!);
            await using (var connection = await store.OpenConnectionAsync(cancellationToken))
            await using (var wal = store.Command(connection, "open_store"))
            {
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }
            await store.MigrateAsync(schemaVersion, cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private protected override RecordAppender CreateAppender(HubWriter writer) =>
        portableAppender ? base.CreateAppender(writer) : new SqliteRecordAppender(writer);

    private protected override DbConnection CreateConnection() => new SqliteConnection(connectionString);

    private protected override async Task InitializeConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = DbCommands.Create(connection, null, initializeSql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private protected override async ValueTask DisposeCoreAsync()
    {
        // Pooled connections keep the file (and its -wal and -shm) open after the store is gone.
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        await base.DisposeCoreAsync();
    }
}
