using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tolk.Customerp.Tests.Emulator;

/// <summary>A loopback receiver that records deliveries (raw bytes and headers) and answers with scripted statuses.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Delivery> Received { get; } = new();

    public Uri Url { get; private set; } = null!;

    /// <summary>The status every request gets once the scripted ones are used up.</summary>
    public int DefaultStatus { get; set; } = 200;

    public void AnswerNext(params int[] statuses)
    {
        foreach (var s in statuses)
        {
            _answers.Enqueue(s);
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver.Received.Enqueue(new Delivery(buffer.ToArray(), headers));
            return Results.StatusCode(receiver._answers.TryDequeue(out var s) ? s : receiver.DefaultStatus);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One request the receiver got.</summary>
internal sealed record Delivery(byte[] Body, Dictionary<string, string> Headers)
{
    public System.Text.Json.Nodes.JsonObject Json => System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();

    public string Type => (string)Json["type"]!;
}
