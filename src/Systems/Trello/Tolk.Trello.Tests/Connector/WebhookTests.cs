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
using Tolk.Connectors;
using Tolk.Connectors.Webhooks;
using Tolk.Trello.Emulator;

namespace Tolk.Trello.Tests.Connector;

public sealed class WebhookTests(TrelloConnectorFixture fixture) : ConnectorTests(fixture)
{
    [Fact]
    public async Task registration_answers_trellos_head_check_and_deliveries_become_change_hints()
    {
        var connector = Fixture.Create();
        await using var endpoint = await Endpoint.StartAsync(connector);

        var failure = await connector.RegisterWebhooksAsync(endpoint.Url, default);
        Assert.Null(failure?.Message);
        var comment = await PersonCommentsAsync("Via webhook");
        var org = await Fixture.PersonEditAsync("organization");

        await WaitUntil(() => endpoint.Hints.Contains(new ChangeHint("action", comment)) && endpoint.Hints.Contains(new ChangeHint("organization", org.Id)));
        Assert.Contains("HEAD", endpoint.Methods);
        Assert.DoesNotContain(401, endpoint.Statuses);
        var organizations = (await Fixture.ExpectedIdsAsync("organization")).Count;
        // The token's member, each workspace and the action card.
        Assert.Equal(organizations + 2, (await Fixture.Emulator.Admin.ListAsync("webhooks")).Count);
    }

    [Fact]
    public async Task registering_again_after_a_restart_changes_nothing_and_fails_nothing()
    {
        await using var endpoint = await Endpoint.StartAsync(Fixture.Create());
        Assert.Null(await Fixture.Create().RegisterWebhooksAsync(endpoint.Url, default));
        var hooks = (await Fixture.Emulator.Admin.ListAsync("webhooks")).Count;
        Assert.Null(await Fixture.Create().RegisterWebhooksAsync(endpoint.Url, default));
        Assert.Equal(hooks, (await Fixture.Emulator.Admin.ListAsync("webhooks")).Count);
    }

    [Fact]
    public async Task registering_for_a_server_on_another_port_removes_the_webhooks_an_earlier_run_left_for_the_old_port()
    {
        Uri old;
        await using (var earlier = await Endpoint.StartAsync(Fixture.Create()))
        {
            Assert.Null(await Fixture.Create().RegisterWebhooksAsync(earlier.Url, default));
            old = earlier.Url;
        }
        await using var endpoint = await Endpoint.StartAsync(Fixture.Create());

        Assert.Null(await Fixture.Create().RegisterWebhooksAsync(endpoint.Url, default));

        var callbacks = (await Fixture.Emulator.Admin.ListAsync("webhooks")).Select(w => (string)w["callbackURL"]!).ToList();
        Assert.DoesNotContain(old.AbsoluteUri, callbacks);
        Assert.NotEmpty(callbacks);
        Assert.All(callbacks, c => Assert.Equal(endpoint.Url.AbsoluteUri, c));
    }

    [Fact]
    public void a_delivery_signed_with_another_secret_or_for_another_url_is_refused()
    {
        var connector = Fixture.Create();
        var url = new Uri("http://127.0.0.1/hooks/trello");
        var body = Fixture.Delivery("Hei");
        var forged = new Dictionary<string, string> { ["x-trello-webhook"] = Tolk.Connectors.Webhooks.Signatures.HmacSha1Base64("another-secret", [.. body, .. "http://127.0.0.1/hooks/trello"u8]) };
        var otherUrl = new Dictionary<string, string> { ["X-Trello-Webhook"] = TrelloEmulator.Sign(body, "http://127.0.0.1/hooks/other") };

        Assert.Equal(401, connector.Receive(new WebhookRequest("POST", url, forged, body)).Status);
        Assert.Equal(401, connector.Receive(new WebhookRequest("POST", url, otherUrl, body)).Status);
        Assert.Equal(401, connector.Receive(new WebhookRequest("POST", url, new Dictionary<string, string>(), body)).Status);
    }

    [Fact]
    public async Task comments_on_other_cards_and_actions_of_no_served_datatype_are_accepted_without_hints()
    {
        var connector = Fixture.Create();
        await ReadAllAsync(connector, "action", ConnectorCursor.None);
        var url = new Uri("http://127.0.0.1/hooks/trello");
        WebhookVerdict Deliver(byte[] body) =>
            connector.Receive(new WebhookRequest("POST", url, new Dictionary<string, string> { ["X-Trello-Webhook"] = TrelloEmulator.Sign(body, url.AbsoluteUri) }, body));

        var mine = Deliver(Fixture.Delivery("Min"));
        var otherCard = Deliver(Fixture.Delivery("Ikke min", cardId: "65e975680a68e7575e0000ff"));
        var newCard = Deliver(Fixture.Delivery("x", type: "createCard"));

        Assert.Equal(new ChangeHint("action", "65e5a1e0a1b2c3d4e5f60001"), Assert.Single(mine.Hints));
        Assert.Equal((200, 0), (otherCard.Status, otherCard.Hints.Count));
        Assert.Equal((200, 0), (newCard.Status, newCard.Hints.Count));
    }

    [Fact]
    public async Task without_the_app_secret_nothing_is_registered_and_every_delivery_is_refused()
    {
        var connector = Fixture.Create(change: o => new TrelloOptions
        {
            BaseUrl = o.BaseUrl, ApiKey = o.ApiKey, ApiToken = o.ApiToken, ActionCard = o.ActionCard,
        });
        var url = new Uri("http://127.0.0.1/hooks/trello");
        var body = Fixture.Delivery("Hei");
        var signed = new Dictionary<string, string> { ["X-Trello-Webhook"] = TrelloEmulator.Sign(body, url.AbsoluteUri) };

        Assert.Equal(FailureKind.NotSupported, (await connector.RegisterWebhooksAsync(url, default))?.Kind);
        Assert.Equal(401, connector.Receive(new WebhookRequest("POST", url, signed, body)).Status);
        Assert.Empty(await Fixture.Emulator.Admin.ListAsync("webhooks"));
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

        public ConcurrentQueue<string> Methods { get; } = new();

        public static async Task<Endpoint> StartAsync(IWebhookConnector receiver)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var endpoint = new Endpoint(app) { Receiver = receiver };
            app.MapMethods("/hooks/trello", ["HEAD", "POST"], async (HttpContext context) =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                var verdict = endpoint.Receiver.Receive(new WebhookRequest(context.Request.Method, endpoint.Url, headers, buffer.ToArray()));
                endpoint.Methods.Enqueue(context.Request.Method);
                endpoint.Statuses.Enqueue(verdict.Status);
                foreach (var hint in verdict.Hints)
                {
                    endpoint.Hints.Add(hint);
                }
                return Results.StatusCode(verdict.Status);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            endpoint.Url = new Uri(address + "/hooks/trello");
            return endpoint;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
