using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tolk.Trello.Tests.Emulator;

/// <summary>A loopback callback URL: answers Trello's HEAD check and records POSTed deliveries, with scripted statuses.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(byte[] Body, Dictionary<string, string> Headers)> Deliveries { get; } = new();

    public ConcurrentQueue<int> PostAnswers { get; } = new();

    public int HeadStatus { get; set; } = 200;

    public int Heads;

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapMethods("/trello/hook", ["HEAD"], () =>
        {
            Interlocked.Increment(ref receiver.Heads);
            return Results.StatusCode(receiver.HeadStatus);
        });
        app.MapPost("/trello/hook", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver.Deliveries.Enqueue((buffer.ToArray(), headers));
            return Results.StatusCode(receiver.PostAnswers.TryDequeue(out var s) ? s : 200);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/trello/hook?source=tolk");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
