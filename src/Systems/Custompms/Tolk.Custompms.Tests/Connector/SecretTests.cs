using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Emulation.Faults;

namespace Tolk.Custompms.Tests.Connector;

public sealed class SecretTests(CustompmsConnectorFixture fixture) : ConnectorTests(fixture)
{
    [Fact]
    public async Task the_api_key_reaches_neither_the_log_nor_a_message()
    {
        var options = Fixture.Options(maxRetries: 0);
        var log = new ListLogger();
        using var connector = new CustompmsConnector(options, logger: log);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Probability: 1, Times: 1));
        var created = await connector.CreateAsync("customer", new CreateRequest(new JsonObject { ["name"] = "Hemmelig AS" }, "k"), default);
        await ReadAllAsync(connector, "customer", new ConnectorCursor("garbled", 1));
        var badOptions = Fixture.Options(badCredentials: true);
        using var bad = new CustompmsConnector(badOptions, logger: log);
        var refused = await ReadAllAsync(bad, "customer", ConnectorCursor.None);

        var texts = log.Lines.Append(created.Failure?.Message ?? "").Append(refused.Stopped!.Message)
            .Append(options.ToString() ?? "").Append(connector.ToString() ?? "").ToList();
        Assert.NotEmpty(log.Lines);
        foreach (var secret in new[] { options.ApiKey, badOptions.ApiKey })
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    private sealed class ListLogger : ILogger<CustompmsConnector>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception) + exception);
    }
}
