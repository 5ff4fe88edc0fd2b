using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tolk.Connectors.Webhooks;

namespace Tolk.Customerp.Tests.Connector;

public sealed class WebhookTests(CustomerpConnectorFixture fixture) : ConnectorTests(fixture)
{
    [Fact]
    public async Task registration_answers_the_signed_ping_and_deliveries_become_change_hints()
    {
        var connector = Fixture.Create();
        await using var endpoint = await Endpoint.StartAsync(connector);

        var failure = await connector.RegisterWebhooksAsync(endpoint.Url, default);
        Assert.Null(failure?.Message);
        await Fixture.Emulator.Admin.EditAsync("contacts", "4", new JsonObject { ["title"] = "Daglig leder" });
        await Fixture.Emulator.Admin.DeleteAsync("products", "2");

        await WaitUntil(() => endpoint.Hints.Count >= 2);
        Assert.Contains(new ChangeHint("contact", "4"), endpoint.Hints);
        Assert.Contains(new ChangeHint("product", "2"), endpoint.Hints);
        Assert.Equal(200, endpoint.Statuses.First());
    }

    [Fact]
    public async Task registering_again_after_a_restart_replaces_the_registration_and_the_new_connector_verifies_deliveries()
    {
        await using var endpoint = await Endpoint.StartAsync(Fixture.Create());
        Assert.Null(await Fixture.Create().RegisterWebhooksAsync(endpoint.Url, default));
        // A restarted process: a new connector with the same configuration derives the same secret.
        endpoint.Receiver = Fixture.Create();
        Assert.Null(await endpoint.Receiver.RegisterWebhooksAsync(endpoint.Url, default));

        Assert.Single(await Fixture.Emulator.Admin.ListAsync("webhooks"));
        await Fixture.Emulator.Admin.EditAsync("customers", "1", new JsonObject { ["city"] = "Bodø" });
        await WaitUntil(() => endpoint.Hints.Contains(new ChangeHint("customer", "1")));
        Assert.DoesNotContain(401, endpoint.Statuses);
    }

    [Fact]
    public async Task registering_for_a_server_on_another_port_removes_the_registration_an_earlier_run_left_for_the_old_port()
    {
        Uri old;
        await using (var earlier = await Endpoint.StartAsync(Fixture.Create()))
        {
            Assert.Null(await Fixture.Create().RegisterWebhooksAsync(earlier.Url, default));
            old = earlier.Url;
        }
        await using var endpoint = await Endpoint.StartAsync(Fixture.Create());

        Assert.Null(await Fixture.Create().RegisterWebhooksAsync(endpoint.Url, default));

        var registration = Assert.Single(await Fixture.Emulator.Admin.ListAsync("webhooks"));
        Assert.Equal(endpoint.Url.AbsoluteUri, (string?)registration["url"]);
        Assert.NotEqual(old.AbsoluteUri, endpoint.Url.AbsoluteUri);
    }

    [Fact]
    public void a_delivery_signed_with_another_secret_is_refused()
    {
        var connector = Fixture.Create();
        var body = """{"id":"evt_9","type":"customer.updated","data":{"id":1}}"""u8.ToArray();
        var forged = new Dictionary<string, string> { ["x-customerp-signature"] = "sha256=" + Signatures.HmacSha256Hex("another-secret-entirely", body) };
        var verdict = connector.Receive(new WebhookRequest("POST", new Uri("http://127.0.0.1/hook"), forged, body));
        Assert.Equal(401, verdict.Status);
        Assert.Empty(verdict.Hints);
        Assert.Equal(401, connector.Receive(new WebhookRequest("POST", new Uri("http://127.0.0.1/hook"), new Dictionary<string, string>(), body)).Status);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>A loopback HTTP endpoint that hands every request to a connector's <see cref="IWebhookConnector.Receive"/>, as the engine will.</summary>
    private sealed class Endpoint(WebApplication app) : IAsyncDisposable
    {
        public required IWebhookConnector Receiver { get; set; }

        public Uri Url { get; private set; } = null!;

        public ConcurrentBag<ChangeHint> Hints { get; } = [];

        public ConcurrentQueue<int> Statuses { get; } = new();

        public static async Task<Endpoint> StartAsync(IWebhookConnector receiver)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var endpoint = new Endpoint(app) { Receiver = receiver };
            app.MapPost("/hooks/customerp", async (HttpContext context) =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                var verdict = endpoint.Receiver.Receive(new WebhookRequest("POST", endpoint.Url, headers, buffer.ToArray()));
                endpoint.Statuses.Enqueue(verdict.Status);
                foreach (var hint in verdict.Hints)
                {
                    endpoint.Hints.Add(hint);
                }
                return Results.StatusCode(verdict.Status);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            endpoint.Url = new Uri(address + "/hooks/customerp");
            return endpoint;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
