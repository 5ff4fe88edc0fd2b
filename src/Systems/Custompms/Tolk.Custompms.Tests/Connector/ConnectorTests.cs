using Tolk.Connectors;

namespace Tolk.Custompms.Tests.Connector;

/// <summary>A test class over its own emulator, reset before each test.</summary>
public abstract class ConnectorTests(CustompmsConnectorFixture fixture) : IClassFixture<CustompmsConnectorFixture>, IAsyncLifetime
{
    protected CustompmsConnectorFixture Fixture { get; } = fixture;

    public virtual async Task InitializeAsync()
    {
        await Fixture.StartAsync();
        await Fixture.Emulator.Admin.ResetAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Reads a datatype to its end from <paramref name="cursor"/>.</summary>
    protected static async Task<ReadResult> ReadAllAsync(IConnector connector, string datatype, ConnectorCursor cursor)
    {
        var result = new ReadResult { Cursor = cursor };
        await foreach (var batch in connector.ReadAsync(datatype, cursor, CancellationToken.None))
        {
            result.Records.AddRange(batch.Records);
            result.Problems.AddRange(batch.Problems);
            result.Cursor = batch.Cursor;
            result.Stopped ??= batch.Stopped;
            result.Pages++;
        }
        return result;
    }

    /// <summary>The first batch only (of a full read, or from <paramref name="cursor"/>), as a read interrupted after saving it would leave things.</summary>
    protected static async Task<ReadBatch> FirstPageAsync(IConnector connector, string datatype, ConnectorCursor? cursor = null)
    {
        await foreach (var batch in connector.ReadAsync(datatype, cursor ?? ConnectorCursor.None, CancellationToken.None))
        {
            return batch;
        }
        throw new InvalidOperationException("the read returned no page");
    }
}

/// <summary>Everything one read returned.</summary>
public sealed class ReadResult
{
    public List<ConnectorRecord> Records { get; } = [];

    public List<ReadProblem> Problems { get; } = [];

    public ConnectorCursor Cursor { get; set; } = ConnectorCursor.None;

    public Failure? Stopped { get; set; }

    public int Pages { get; set; }
}
