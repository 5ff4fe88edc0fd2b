using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tolk.Connectors.Webhooks;

namespace Tolk.Asana.Tests.Connector;

/// <summary>
/// A loopback webhook endpoint as the engine hosts it: every request goes to the target connector's Receive, whose
/// verdict (status and headers) is the answer; deliveries are kept as the connector saw them.
/// </summary>
public sealed class ConnectorWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConnectorWebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The connector that judges requests.</summary>
    public IWebhookConnector? Target { get; set; }

    /// <summary>The URL to register.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Deliveries (not handshakes) with the verdicts they got.</summary>
    public ConcurrentQueue<(WebhookRequest Request, WebhookVerdict Verdict)> Deliveries { get; } = new();

    /// <summary>Starts on a free loopback port.</summary>
    public static async Task<ConnectorWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new ConnectorWebhookReceiver(app);
        app.MapPost("/hooks/asana", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/hooks/asana");
        return receiver;
    }

    /// <summary>The next delivery, waiting up to five seconds for it.</summary>
    public async Task<WebhookRequest> NextDeliveryAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            if (Deliveries.TryDequeue(out var delivery))
            {
                return delivery.Request;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("no webhook delivery arrived");
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new WebhookRequest("POST", Url, headers, body.ToArray());
        var verdict = Target?.Receive(request) ?? WebhookVerdict.Reject("no connector");
        if (!headers.ContainsKey("X-Hook-Secret"))
        {
            Deliveries.Enqueue((request, verdict));
        }
        foreach (var (name, value) in verdict.ResponseHeaders)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.StatusCode = verdict.Status;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
