using Tolk.Connectors;

namespace Tolk.Trello.Tests.Connector;

/// <summary>A test class over its own emulator, reset before each test.</summary>
public abstract class ConnectorTests(TrelloConnectorFixture fixture) : IClassFixture<TrelloConnectorFixture>, IAsyncLifetime
{
    protected TrelloConnectorFixture Fixture { get; } = fixture;

    public virtual async Task InitializeAsync()
    {
        await Fixture.StartAsync();
        await Fixture.Emulator.Admin.ResetAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Reads a datatype to its end from <paramref name="cursor"/>.</summary>
    protected static async Task<ReadResult> ReadAllAsync(IConnector connector, string datatype, ConnectorCursor cursor)
    {
        var result = new ReadResult();
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

    /// <summary>The first page only, as a read interrupted after saving it would leave things.</summary>
    protected static async Task<ReadBatch> FirstPageAsync(IConnector connector, string datatype, ConnectorCursor cursor)
    {
        await foreach (var batch in connector.ReadAsync(datatype, cursor, CancellationToken.None))
        {
            return batch;
        }
        throw new InvalidOperationException("the read returned no page");
    }

    /// <summary>Adds a comment to a card as a person would; returns its id.</summary>
    protected async Task<string> PersonCommentsAsync(string text, string? cardId = null) =>
        (string)(await Fixture.Emulator.Admin.CreateAsync("actions", new System.Text.Json.Nodes.JsonObject
        {
            ["idCard"] = cardId ?? Fixture.ActionCardId, ["text"] = text,
        }))["id"]!;

    /// <summary>The API calls made since <paramref name="before"/> (a call count).</summary>
    protected async Task<IReadOnlyList<Tolk.Emulation.Calls.CallRecord>> CallsSinceAsync(long before) =>
        (await Fixture.Emulator.Admin.CallsAsync(before)).Calls;
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
