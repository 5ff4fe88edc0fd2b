using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tolk.Crmoffice.Tests.Emulator;

/// <summary>A loopback receiver that records deliveries and answers with scripted statuses (200 once the script runs out).</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Delivery> Received { get; } = new();

    public Uri Url { get; private set; } = null!;

    public int AlwaysAnswer { get; set; } = 200;

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
            receiver.Received.Enqueue(new Delivery(buffer.ToArray(), context.Request.Headers["X-Crmoffice-Signature"].ToString(),
                context.Request.ContentType));
            return Results.StatusCode(receiver._answers.TryDequeue(out var s) ? s : receiver.AlwaysAnswer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One received delivery: the raw body and the signature header.</summary>
internal sealed record Delivery(byte[] Body, string Signature, string? ContentType)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public long T => long.Parse(Signature.Split(',')[0]["t=".Length..], CultureInfo.InvariantCulture);

    /// <summary>Checks the signature as a receiver must: HMAC-SHA256(secret, "t.body") and t within five minutes of now.</summary>
    public bool Verifies(string secret, DateTimeOffset now)
    {
        var parts = Signature.Split(',');
        if (parts.Length != 2 || !parts[0].StartsWith("t=", StringComparison.Ordinal) || !parts[1].StartsWith("v1=", StringComparison.Ordinal))
        {
            return false;
        }
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(parts[0][2..] + ".").Concat(Body).ToArray());
        return parts[1][3..] == Convert.ToHexStringLower(mac) && Math.Abs(now.ToUnixTimeSeconds() - T) <= 300;
    }
}
