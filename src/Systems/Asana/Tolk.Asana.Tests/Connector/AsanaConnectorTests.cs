using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Asana.Tests.Connector;

/// <summary>What the connector-specific test classes share: a freshly reset emulator per test and a read-to-the-end helper.</summary>
public abstract class AsanaConnectorTests(AsanaConnectorFixture fixture) : IClassFixture<AsanaConnectorFixture>, IAsyncLifetime
{
    protected AsanaConnectorFixture Fixture { get; } = fixture;

    public async Task InitializeAsync()
    {
        await Fixture.StartAsync();
        await Fixture.Emulator.Admin.ResetAsync();
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["webhookTimeoutSeconds"] = 600 });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Reads to the end from <paramref name="cursor"/>.</summary>
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

    /// <summary>The calls the emulator answered while <paramref name="action"/> ran.</summary>
    protected async Task<long> CallsDuringAsync(Func<Task> action)
    {
        var before = await Fixture.Emulator.Admin.CallCountAsync();
        await action();
        return await Fixture.Emulator.Admin.CallCountAsync() - before;
    }
}
