using System.Net;
using System.Text.Json.Nodes;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;
using Tolk.Emulation.State;

namespace Tolk.Emulators;

/// <summary>
/// All six emulators started together on one sample world, or resumed from a state folder; dispose to stop them all
/// (which saves their state, when they keep any).
/// </summary>
public sealed partial class EmulatorFleet : IAsyncDisposable
{
    private EmulatorFleet(IReadOnlyList<RunningEmulator> running, EmulatorFleetOptions options, string? stateFolder, FleetState? resumed, string lineage)
    {
        Running = running;
        _options = options;
        StateFolder = stateFolder;
        ResumedFrom = resumed;
        Lineage = lineage;
        _saved = new long[running.Count];
    }

    /// <summary>The running emulators, in catalog order.</summary>
    public IReadOnlyList<RunningEmulator> Running { get; }

    /// <summary>The running emulator of <paramref name="system"/>.</summary>
    public RunningEmulator this[string system] => Running.Single(r => r.Emulator.Name == system);

    /// <summary>The sample the emulators were seeded from (a resumed fleet's is its state's).</summary>
    public SampleOptions Sample => Running[0].Emulator.Context.Sample;

    /// <summary>Starts every emulator in memory only; <paramref name="portBase"/> 0 gives each a free port.</summary>
    public static Task<EmulatorFleet> StartAsync(int portBase, IPAddress address, SampleOptions sample, TimeProvider time,
        CancellationToken cancellationToken = default) =>
        StartAsync(new EmulatorFleetOptions { PortBase = portBase, Address = address, Sample = sample, Time = time }, cancellationToken);

    /// <summary>Starts every emulator: resumed from the state folder when it holds snapshots, else seeded.</summary>
    /// <exception cref="EmulatorStateException">The state folder's snapshots cannot be used; the message names the file.</exception>
    public static async Task<EmulatorFleet> StartAsync(EmulatorFleetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.Resume?.Folder ?? options.StateFolder;
        var state = options.Resume ?? (folder is null ? null : FleetState.Read(folder));
        // One world for all six, made once: it is what makes the same people and companies appear in several systems.
        var world = state is null ? SampleWorld.Create(options.Sample) : null;
        var running = new List<RunningEmulator>();
        try
        {
            foreach (var entry in EmulatorCatalog.All)
            {
                running.Add(await EmulatorServer.StartAsync(entry.Create, new EmulatorServerOptions
                {
                    Port = options.PortBase == 0 ? 0 : options.PortBase + entry.PortOffset,
                    Address = options.Address,
                    Sample = options.Sample,
                    Time = options.Time,
                    World = world,
                    Snapshot = state?.Snapshots[entry.System],
                }, cancellationToken));
            }
        }
        catch
        {
            foreach (var r in running)
            {
                await r.DisposeAsync();
            }
            throw;
        }
        var fleet = new EmulatorFleet(running, options, folder, state, state?.Lineage ?? Guid.NewGuid().ToString("N"));
        try
        {
            fleet.StartSaving();
        }
        catch (EmulatorStateException)
        {
            foreach (var r in running)
            {
                await r.DisposeAsync();
            }
            throw;
        }
        return fleet;
    }

    /// <summary>Each system's base URL, admin URL and credentials, as one JSON object keyed by system.</summary>
    public JsonObject Describe()
    {
        var result = new JsonObject();
        foreach (var r in Running)
        {
            var credentials = new JsonObject();
            foreach (var (name, value) in r.Emulator.Credentials)
            {
                credentials[name] = value;
            }
            result[r.Emulator.Name] = new JsonObject
            {
                ["baseUrl"] = r.BaseUrl.ToString(),
                ["adminUrl"] = new Uri(r.HostUrl, HttpContextExtensions.AdminPrefix + "/").ToString(),
                ["credentials"] = credentials,
            };
        }
        return result;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopSavingAsync();
        foreach (var r in Running)
        {
            await r.DisposeAsync();
        }
        // Saved after the servers stopped, so no request can land between the last snapshot and the exit.
        SaveFinal();
    }
}
