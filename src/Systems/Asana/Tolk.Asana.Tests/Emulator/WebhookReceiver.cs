using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tolk.Asana.Tests.Emulator;

/// <summary>
/// A loopback webhook target: echoes X-Hook-Secret on the handshake (unless told otherwise), records deliveries with
/// their raw bodies and headers, and answers deliveries with scripted statuses.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(byte[] Body, Dictionary<string, string> Headers)> Deliveries { get; } = new();

    public ConcurrentQueue<Dictionary<string, string>> Handshakes { get; } = new();

    /// <summary>How the handshake is answered: echo (default), "wrong" secret, "none", or a status code.</summary>
    public string HandshakeMode { get; set; } = "echo";

    public TimeSpan HandshakeDelay { get; set; }

    public Uri Url { get; private set; } = null!;

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
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/hook");
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (headers.TryGetValue("X-Hook-Secret", out var secret))
        {
            Handshakes.Enqueue(headers);
            await Task.Delay(HandshakeDelay);
            switch (HandshakeMode)
            {
                case "echo":
                    context.Response.Headers["X-Hook-Secret"] = secret;
                    context.Response.StatusCode = 200;
                    break;
                case "wrong":
                    context.Response.Headers["X-Hook-Secret"] = "not-the-secret";
                    context.Response.StatusCode = 200;
                    break;
                case "none":
                    context.Response.StatusCode = 204;
                    break;
                default:
                    context.Response.Headers["X-Hook-Secret"] = secret;
                    context.Response.StatusCode = int.Parse(HandshakeMode, System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
            return;
        }
        Deliveries.Enqueue((body.ToArray(), headers));
        context.Response.StatusCode = _answers.TryDequeue(out var status) ? status : 200;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
