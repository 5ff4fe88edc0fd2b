using Tolk.Hub.Store;

namespace Tolk.Connectors.Compliance;

/// <summary>
/// The tests every connector passes against its emulator (Wolverine's TransportCompliance, Singer's standard tap
/// tests): full and incremental reads, the write round trip, cursor resume, rate-limit pressure, bad credentials,
/// malformed records, webhook signatures and lost create responses. A system's test project subclasses it with its
/// fixture; split across partial files by concern.
/// </summary>
public abstract partial class ConnectorCompliance<TFixture> : IAsyncLifetime
    where TFixture : class, IConnectorFixture
{
    private readonly List<string> _tempFiles = [];

    /// <summary>Creates the suite over a fixture shared by the subclass's tests.</summary>
    protected ConnectorCompliance(TFixture fixture) => Fixture = fixture;

    /// <summary>The system's fixture.</summary>
    protected TFixture Fixture { get; }

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        await Fixture.StartAsync();
        await Fixture.Emulator.Admin.ResetAsync();
    }

    /// <inheritdoc />
    public virtual Task DisposeAsync()
    {
        foreach (var file in _tempFiles)
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(f);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Reads a datatype to the end from <paramref name="cursor"/>, gathering every page.</summary>
    protected static async Task<(List<ConnectorRecord> Records, List<ReadProblem> Problems, ConnectorCursor Cursor, Failure? Stopped)> ReadAllAsync(
        IConnector connector, string datatype, ConnectorCursor cursor)
    {
        var records = new List<ConnectorRecord>();
        var problems = new List<ReadProblem>();
        Failure? stopped = null;
        await foreach (var batch in connector.ReadAsync(datatype, cursor, CancellationToken.None))
        {
            records.AddRange(batch.Records);
            problems.AddRange(batch.Problems);
            cursor = batch.Cursor;
            stopped ??= batch.Stopped;
        }
        return (records, problems, cursor, stopped);
    }

    /// <summary>A fresh SQLite hub store file for this test, deleted afterwards.</summary>
    protected string NewStorePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tolk-compliance-{Guid.NewGuid():N}.db");
        _tempFiles.Add(path);
        return path;
    }

    /// <summary>Opens the SQLite hub store at <paramref name="path"/>.</summary>
    protected static Task<SqliteHubStore> OpenStoreAsync(string path) =>
        SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = path }, TimeProvider.System);

    /// <summary>How many API calls the emulator has received so far.</summary>
    protected Task<long> CallCountAsync() => Fixture.Emulator.Admin.CallCountAsync();
}
