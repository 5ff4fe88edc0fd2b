using Microsoft.Data.Sqlite;
using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

/// <summary>The compliance suite on SQLite, each test on its own database file in a fresh temp folder.</summary>
public class SqliteHubStoreCompliance : HubStoreCompliance
{
    private readonly string folder = Directory.CreateTempSubdirectory("tolk-hub-").FullName;

    private string DatabasePath => Path.Combine(folder, "data", "tolk.db");

    /// <summary>Whether appends go through the engine-neutral ADO.NET appender instead of SQLite's native one.</summary>
    private protected virtual bool PortableAppender => false;

    protected override IReadOnlyList<string> KillHarnessArguments => ["sqlite", DatabasePath];

    protected override async Task<HubStore> OpenStoreAsync(int? schemaVersion, HubStoreOptions? options)
    {
        var sqlite = new SqliteHubStoreOptions { Path = DatabasePath, PortableAppender = PortableAppender };
        if (options is not null)
        {
            sqlite = sqlite with { MaxRecordBytes = options.MaxRecordBytes, BusyTimeout = options.BusyTimeout };
        }
        return await SqliteHubStore.OpenAsync(sqlite, Time, schemaVersion, CancellationToken.None);
    }

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<string> IntegrityCheckAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    // The write-ahead log holds every page a transaction writes, committed or not, until a checkpoint.
    protected override long? TransactionBytesOnDisk() => new FileInfo(DatabasePath + "-wal").Length;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task an_empty_zero_byte_file_is_migrated_to_a_working_store()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await File.WriteAllBytesAsync(DatabasePath, []);

        var store = await OpenAsync();

        Assert.Equal(store.SupportedSchemaVersion, await store.GetSchemaVersionAsync());
        Assert.Equal(3, (await store.AppendAsync(AsanaTask, Recs("t", 3))).Appended);
        Assert.Equal("ok", await IntegrityCheckAsync());
    }

    [Fact]
    public async Task the_store_creates_its_folder_and_runs_in_wal_mode()
    {
        Assert.False(Directory.Exists(Path.GetDirectoryName(DatabasePath)));

        var store = (SqliteHubStore)await OpenAsync();
        await store.AppendAsync(AsanaTask, Recs("t", 1));

        Assert.Equal(Path.GetFullPath(DatabasePath), store.FilePath);
        Assert.True(File.Exists(DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public void the_default_path_is_tolk_data_under_the_working_folder()
    {
        Assert.Equal(Path.Combine(".", "tolk-data", "tolk.db"), new SqliteHubStoreOptions().Path);
    }

    [Fact]
    public async Task migrations_are_split_and_recorded_one_row_each()
    {
        var store = await OpenAsync();
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version || ':' || name FROM schema_migrations ORDER BY version";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        Assert.Equal(["1:0001_logs_and_cursors", "2:0002_links_intents_conflicts_errors"], rows.Take(2));
        Assert.Equal(store.SupportedSchemaVersion, rows.Count);
    }
}

/// <summary>The whole suite again with appends through the engine-neutral ADO.NET appender, the one PostgreSQL starts from.</summary>
public sealed class SqlitePortableAppenderCompliance : SqliteHubStoreCompliance
{
    private protected override bool PortableAppender => true;
}
