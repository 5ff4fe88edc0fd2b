using System.Net;
using System.Text.Json.Nodes;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Emulators;

/// <summary>All six emulators started together on one sample world; dispose to stop them all.</summary>
public sealed class EmulatorFleet : IAsyncDisposable
{
    private EmulatorFleet(IReadOnlyList<RunningEmulator> running) => Running = running;

    /// <summary>The running emulators, in catalog order.</summary>
    public IReadOnlyList<RunningEmulator> Running { get; }

    /// <summary>The running emulator of <paramref name="system"/>.</summary>
    public RunningEmulator this[string system] => Running.Single(r => r.Emulator.Name == system);

    /// <summary>Starts every emulator; <paramref name="portBase"/> 0 gives each a free port.</summary>
    public static async Task<EmulatorFleet> StartAsync(int portBase, IPAddress address, SampleOptions sample, TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        // One world for all six, made once: it is what makes the same people and companies appear in several systems.
        var world = SampleWorld.Create(sample);
        var running = new List<RunningEmulator>();
        try
        {
            foreach (var entry in EmulatorCatalog.All)
            {
                running.Add(await EmulatorServer.StartAsync(entry.Create, new EmulatorServerOptions
                {
                    Port = portBase == 0 ? 0 : portBase + entry.PortOffset,
                    Address = address,
                    Sample = sample,
                    Time = time,
                    World = world,
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
        return new EmulatorFleet(running);
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
        foreach (var r in Running)
        {
            await r.DisposeAsync();
        }
    }
}
