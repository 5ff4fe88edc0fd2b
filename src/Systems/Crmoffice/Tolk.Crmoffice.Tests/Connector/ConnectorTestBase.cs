using Tolk.Connectors;

namespace Tolk.Crmoffice.Tests.Connector;

/// <summary>Fresh emulator data before each test, and a read-to-the-end helper.</summary>
public abstract class ConnectorTestBase(CrmofficeConnectorFixture fixture) : IAsyncLifetime, IClassFixture<CrmofficeConnectorFixture>
{
    protected CrmofficeConnectorFixture Fixture { get; } = fixture;

    public async Task InitializeAsync()
    {
        await Fixture.StartAsync();
        await Fixture.Emulator.Admin.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected static async Task<(List<ConnectorRecord> Records, List<ReadProblem> Problems, ConnectorCursor Cursor, Failure? Stopped, int Batches)> ReadAllAsync(
        IConnector connector, string datatype, ConnectorCursor cursor)
    {
        var records = new List<ConnectorRecord>();
        var problems = new List<ReadProblem>();
        Failure? stopped = null;
        var batches = 0;
        await foreach (var batch in connector.ReadAsync(datatype, cursor, CancellationToken.None))
        {
            batches++;
            records.AddRange(batch.Records);
            problems.AddRange(batch.Problems);
            cursor = batch.Cursor;
            stopped ??= batch.Stopped;
        }
        return (records, problems, cursor, stopped, batches);
    }

    protected Task<long> CallsAsync() => Fixture.Emulator.Admin.CallCountAsync();
}
