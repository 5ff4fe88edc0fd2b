using System.Net;
using Tolk.Emulation.Sample;
using Tolk.Emulators;

namespace Tolk.Runtime;

/// <summary>The six emulators with sample data, and the endpoints to reach them: what `tolk demo` and the tests sync.</summary>
public sealed class Sandbox : IAsyncDisposable
{
    private Sandbox(EmulatorFleet fleet, IReadOnlyList<SystemEndpoint> endpoints)
    {
        Fleet = fleet;
        Endpoints = endpoints;
    }

    /// <summary>The running emulators.</summary>
    public EmulatorFleet Fleet { get; }

    /// <summary>Each emulator's base URL and demo credentials.</summary>
    public IReadOnlyList<SystemEndpoint> Endpoints { get; }

    /// <summary>Starts the emulators on loopback (<paramref name="portBase"/> 0: free ports).</summary>
    public static Task<Sandbox> StartAsync(SampleOptions sample, int portBase = 0, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        StartAsync(new EmulatorFleetOptions { PortBase = portBase, Address = IPAddress.Loopback, Sample = sample, Time = time ?? TimeProvider.System },
            cancellationToken);

    /// <summary>Starts the emulators as <paramref name="options"/> say: resumed from a state folder, or seeded.</summary>
    /// <exception cref="Tolk.Emulation.State.EmulatorStateException">The state folder's snapshots cannot be used.</exception>
    public static async Task<Sandbox> StartAsync(EmulatorFleetOptions options, CancellationToken cancellationToken = default)
    {
        var fleet = await EmulatorFleet.StartAsync(options, cancellationToken);
        var endpoints = fleet.Running
            .Select(r => new SystemEndpoint(r.Emulator.Name, r.BaseUrl, r.Emulator.Credentials))
            .ToList();
        return new Sandbox(fleet, endpoints);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Fleet.DisposeAsync();
}
