using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Calls;
using Tolk.Emulation.Data;
using Tolk.Emulation.Faults;
using Tolk.Emulation.Sample;
using Tolk.Emulation.State;
using Tolk.Emulation.Webhooks;

namespace Tolk.Emulation.Hosting;

/// <summary>How to host one emulator.</summary>
public sealed record EmulatorServerOptions
{
    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The address to bind; loopback unless configured otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The sample data's seed and size.</summary>
    public SampleOptions Sample { get; init; } = SampleOptions.Small;

    /// <summary>The clock; tests pass a FakeTimeProvider.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where diagnostics go; nowhere by default.</summary>
    public ILoggerFactory? Loggers { get; init; }

    /// <summary>A world already made, so several emulators started together share one (and it is made once).</summary>
    public SampleWorld? World { get; init; }

    /// <summary>A snapshot to resume from instead of seeding; its sample replaces <see cref="Sample"/>.</summary>
    public EmulatorSnapshot? Snapshot { get; init; }
}

/// <summary>Starts an emulator on its own Kestrel server, with the kernel's middleware and admin channel around it.</summary>
public static class EmulatorServer
{
    /// <summary>Creates, seeds (or restores from <see cref="EmulatorServerOptions.Snapshot"/>) and starts the emulator made by <paramref name="create"/>.</summary>
    /// <exception cref="EmulatorStateException">The snapshot does not fit the emulator.</exception>
    public static async Task<RunningEmulator> StartAsync(
        Func<EmulatorContext, SystemEmulator> create, EmulatorServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorServerOptions();
        var loggers = options.Loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        // A restored emulator must be made on its snapshot's sample: some derive keys and ids from the seed.
        var sample = options.Snapshot?.Sample ?? options.Sample;
        var faults = new FaultInjector(sample.Seed);
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var webhooks = new WebhookDispatcher(http, faults, options.Time, loggers.CreateLogger("Tolk.Emulation.Webhooks"));
        var context = new EmulatorContext(options.Time, new EmulatorDatabase(options.Time), new CallLog(), faults, webhooks, loggers, sample);
        SystemEmulator emulator;
        try
        {
            emulator = create(context);
            if (options.Snapshot is { } snapshot)
            {
                snapshot.RestoreInto(emulator);
            }
            else
            {
                emulator.Seed(options.World ?? SampleWorld.Create(sample));
            }
        }
        catch
        {
            // Nothing serves yet; the dispatcher's worker and its client must not outlive the refusal.
            await webhooks.DisposeAsync();
            http.Dispose();
            throw;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = $"Tolk.Emulation.{emulator.Name}" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(options.Time);
        builder.Services.AddSingleton(context);
        builder.Services.AddSingleton(emulator);
        builder.Services.AddSingleton(context.Calls);
        builder.Services.AddSingleton(faults);
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(options.Address, options.Port);
            k.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
        });
        var app = builder.Build();
        app.UseMiddleware<CallLogMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        emulator.ConfigurePipeline(app);
        app.MapEmulatorAdmin(emulator);
        emulator.MapApi(emulator.ApiPrefix.Length == 0 ? app : app.MapGroup(emulator.ApiPrefix));
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningEmulator(emulator, app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), http);
    }
}
