using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Emulation.Faults;
using Tolk.Trello.Emulator;

namespace Tolk.Trello.Tests.Connector;

public sealed class SecretTests(TrelloConnectorFixture fixture) : ConnectorTests(fixture)
{
    [Fact]
    public async Task neither_key_token_nor_secret_reaches_a_url_the_log_or_a_message()
    {
        var log = new ListLogger();
        var options = Fixture.Options(maxRetries: 0);
        using var connector = new TrelloConnector(options, logger: log);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Probability: 1, Times: 1));
        var created = await connector.CreateAsync("organization", new CreateRequest(new JsonObject { ["displayName"] = "Hemmelig AS" }, "k"), default);
        await ReadAllAsync(connector, "member", new ConnectorCursor("garbled", 1));
        using var bad = new TrelloConnector(Fixture.Options(badCredentials: true));
        var refused = await ReadAllAsync(bad, "organization", ConnectorCursor.None);

        var calls = (await Fixture.Emulator.Admin.CallsAsync(0)).Calls.Select(c => c.Path + c.Query);
        var texts = log.Lines.Concat(calls).Append(created.Failure?.Message ?? "").Append(refused.Stopped!.Message)
            .Append(options.ToString() ?? "").Append(options.ActionCard.ToString()).ToList();
        Assert.NotEmpty(log.Lines);
        foreach (var secret in new[] { TrelloEmulator.ApiKey, TrelloEmulator.ApiToken, TrelloEmulator.AppSecret, new string('0', 64) })
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    private sealed class ListLogger : ILogger<TrelloConnector>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception) + exception);
    }
}
