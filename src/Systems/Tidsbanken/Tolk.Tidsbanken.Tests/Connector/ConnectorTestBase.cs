using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Tidsbanken.Tests.Connector;

/// <summary>Shared steps of the connector-specific tests: a fresh emulator state, a fast connector, a whole read.</summary>
public abstract class ConnectorTestBase(TidsbankenConnectorFixture fixture) : IAsyncLifetime
{
    protected TidsbankenConnectorFixture Fixture { get; } = fixture;

    public virtual async Task InitializeAsync()
    {
        await Fixture.StartAsync();
        await Fixture.Emulator.Admin.ResetAsync();
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 1000 });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A connector paced for the lifted test limit, so tests stay fast.</summary>
    protected TidsbankenConnector Connector(Func<TidsbankenOptions, TidsbankenOptions>? tweak = null)
    {
        var options = Fixture.Options() with { PacingPermits = 200, PacingWindow = TimeSpan.FromSeconds(1) };
        return Fixture.Create(tweak is null ? options : tweak(options));
    }

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

    protected Task SkewAsync(bool on) => Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["skewSistEndretDato"] = on });

    protected Task EditAsync(string datatype, string id, string field, string value) =>
        Fixture.Emulator.Admin.EditAsync(TidsbankenConnectorFixture.Collection(datatype), id, new JsonObject { [field] = value });
}
