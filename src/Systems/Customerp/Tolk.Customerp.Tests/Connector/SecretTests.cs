using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Emulation.Faults;

namespace Tolk.Customerp.Tests.Connector;

public sealed class SecretTests(CustomerpConnectorFixture fixture) : ConnectorTests(fixture)
{
    [Fact]
    public async Task neither_the_token_nor_the_webhook_secret_reaches_the_log_or_a_message()
    {
        var options = Fixture.Options(maxRetries: 0);
        var log = new ListLogger();
        using var connector = new CustomerpConnector(options, logger: log);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Probability: 1, Times: 1));
        var created = await connector.CreateAsync("product", new CreateRequest(new JsonObject { ["sku"] = "S-1", ["name"] = "S" }, "k"), default);
        await ReadAllAsync(connector, "customer", new ConnectorCursor("garbled", 1));
        using var bad = new CustomerpConnector(Fixture.Options(badCredentials: true));
        var refused = await ReadAllAsync(bad, "customer", ConnectorCursor.None);

        var texts = log.Lines.Append(created.Failure?.Message ?? "").Append(refused.Stopped!.Message).Append(options.ToString() ?? "").ToList();
        Assert.NotEmpty(log.Lines);
        foreach (var secret in new[] { options.ApiToken, "cpk_not_a_valid_token", CustomerpConnector.WebhookSecretFor(options) })
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    private sealed class ListLogger : ILogger<CustomerpConnector>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception) + exception);
    }
}
