using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tolk.Connectors.Tests;

/// <summary>A real loopback HTTP server whose answers are scripted per call, recording what it received and when.</summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();

    private ScriptedServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path, TimeSpan At)> Received { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public void Then(int status, string? retryAfter = null) => _script.Enqueue(ctx =>
    {
        ctx.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            ctx.Response.Headers.RetryAfter = retryAfter;
        }
        return Task.CompletedTask;
    });

    public void ThenDropConnection() => _script.Enqueue(ctx =>
    {
        ctx.Abort();
        return Task.CompletedTask;
    });

    public static async Task<ScriptedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedServer(app);
        var clock = Stopwatch.StartNew();
        app.Run(async ctx =>
        {
            server.Received.Enqueue((ctx.Request.Method, ctx.Request.Path.Value ?? "", clock.Elapsed));
            if (server._script.TryDequeue(out var step))
            {
                await step(ctx);
            }
            else
            {
                ctx.Response.StatusCode = 200;
                await ctx.Response.WriteAsync("{}");
            }
        });
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
