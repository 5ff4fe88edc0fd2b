using System.Net;
using Tolk.Emulation.Sample;
using Tolk.Emulation.State;

namespace Tolk.Emulators;

/// <summary>How to start the six emulators, and where (if anywhere) they keep their state between runs.</summary>
public sealed record EmulatorFleetOptions
{
    /// <summary>The first emulator's port; the six use it and the next five. 0 gives each a free port.</summary>
    public int PortBase { get; init; } = EmulatorCatalog.DefaultPortBase;

    /// <summary>The address to listen on.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The sample a fresh fleet is seeded from; a resumed one keeps the sample it was seeded with.</summary>
    public SampleOptions Sample { get; init; } = SampleOptions.Demo;

    /// <summary>The emulators' clock, which also paces the periodic saves.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where the emulators keep their state: resumed from when it holds snapshots, seeded and saved into when not, saved
    /// every <see cref="SaveInterval"/> while something changed and when the fleet stops. Null keeps everything in memory.
    /// </summary>
    public string? StateFolder { get; init; }

    /// <summary>The state folder already read (<see cref="FleetState.Read"/>), so it is not read twice; its folder is the state folder.</summary>
    public FleetState? Resume { get; init; }

    /// <summary>How often changed state is saved while running; a crash loses at most this much.</summary>
    public TimeSpan SaveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Told about a save that failed (a full disk); without it a failed periodic save is kept in <see cref="EmulatorFleet.LastSaveError"/> and a failed final save throws.</summary>
    public Action<EmulatorStateException>? SaveFailed { get; init; }
}
