using System.CommandLine;
using System.Net;
using Tolk.Cli.Hosting;
using Tolk.Cli.Output;
using Tolk.Cli.Syncing;
using Tolk.Emulation.Sample;
using Tolk.Emulation.State;
using Tolk.Emulators;
using Tolk.Runtime;
using Tolk.Runtime.Settings;
using Tolk.Server;

namespace Tolk.Cli.Commands;

/// <summary>
/// <c>tolk demo</c>: Tolk's main job on the embedded default. Starts the six emulators with sample data, syncs them
/// through a SQLite hub under ./tolk-data until everything is linked and equal, then keeps syncing until Ctrl+C. The
/// emulators keep their state beside the store, so the next demo resumes from both (see <see cref="DemoStore"/>).
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var reset = new Option<bool>("--reset")
        {
            Description = "Start over: remove the demo's hub store and the emulator state beside it (emulators/ in the store's folder) first, instead of resuming from them",
        };
        var leaveToMe = new Option<bool>("--leave-to-me")
        {
            Description = "Leave the sample's ambiguous matches for you to link in the dashboard or with 'tolk link' (by default the demo links them as a person would, from what the sample knows)",
        };
        var once = new Option<bool>("--once", "--exit-when-synced") { Description = "Stop after the initial sync: exit 0 when Tolk has done all it can on its own, 1 when not" };
        var size = new Option<string>("--size")
        {
            Description = "The sample's size: small, demo, large (over 100,000 records) or a factor; another size than the saved demo's starts over",
            DefaultValueFactory = _ => "demo",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The sample's seed; the same seed always gives the same data; another seed than the saved demo's starts over",
            DefaultValueFactory = _ => 42,
        };
        var portBase = new Option<int>("--port-base")
        {
            Description = "Port of the first emulator; the six use it and the next five (0: free ports)",
            DefaultValueFactory = _ => EmulatorCatalog.DefaultPortBase,
        };
        var serverPort = new Option<int>("--server-port")
        {
            Description = "Port of the dashboard and management API, where the systems deliver webhooks (0: a free one; on another port than the last demo's, each system's webhook is registered anew)",
            DefaultValueFactory = _ => ServerSettings.DefaultPort,
        };
        var maxCycles = new Option<int>("--max-cycles") { Description = "Initial sync cycles to try before giving up", DefaultValueFactory = _ => SyncFlow.DefaultMaxCycles };
        var command = new Command("demo", "Start the six emulators with sample data and sync them through a hub under ./tolk-data, live, until Ctrl+C; "
            + "a second demo resumes where the first stopped") { reset, once, leaveToMe, size, seed, portBase, serverPort, maxCycles };
        command.SetAction((parse, cancellationToken) => RunAsync(new DemoOptions(
            parse.GetValue(TolkCommand.Store)!.FullName, parse.GetValue(reset), parse.GetValue(once), parse.GetValue(size)!, parse.GetValue(seed),
            parse.GetValue(portBase), parse.GetValue(serverPort), parse.GetValue(maxCycles), parse.GetValue(TolkCommand.Json), parse.GetValue(leaveToMe)), cancellationToken));
        return command;
    }

    private sealed record DemoOptions(string Store, bool Reset, bool Once, string Size, int Seed, int PortBase, int ServerPort, int MaxCycles, bool Json, bool LeaveToMe);

    private static async Task<int> RunAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var (scale, sizeError) = SampleOptions.ParseSize(options.Size);
        if (sizeError is not null)
        {
            Out.Error($"--size: {sizeError}");
            return ExitCodes.Usage;
        }

        if (options.PortBase is < 0 or > 65529)
        {
            Out.Error($"--port-base: {options.PortBase} leaves no room for six ports");
            return ExitCodes.Usage;
        }

        if (options.ServerPort is < 0 or > 65535)
        {
            Out.Error($"--server-port: {options.ServerPort} is not a port number");
            return ExitCodes.Usage;
        }

        var display = SyncDisplay.Create(options.Json);
        var sample = new SampleOptions(options.Seed, scale!.Value);
        var settings = CliSettings.Defaults() with { StorePath = options.Store };
        if (ConfigurationFolder.Load(settings.ConfigDirectory) is null)
        {
            return ExitCodes.Usage;
        }

        // Hold the store's lock before looking at it, so that a demo still running elsewhere never loses its store.
        DemoStore.DemoStart prepared;
        using (var storeLock = StoreLock.TryAcquire(settings.StorePath, "demo"))
        {
            if (storeLock is null)
            {
                Out.Error(StoreLock.InUse(settings.StorePath));
                return ExitCodes.Store;
            }

            prepared = await DemoStore.PrepareAsync(settings.StorePath, sample, options.Reset, cancellationToken);
            switch (prepared.Outcome)
            {
                case DemoStore.Preparation.Refused:
                    return ExitCodes.Usage;
                case DemoStore.Preparation.Broken:
                    return ExitCodes.Store;
                case DemoStore.Preparation.StartedOver:
                    display.Event("startedOver", prepared.Reason!);
                    break;
                case DemoStore.Preparation.Resumed:
                    display.Event("resumed", $"Resuming the demo saved {Ago.Since(prepared.State!.SavedAt, TimeProvider.System.GetUtcNow())}: "
                        + $"the hub store {settings.StorePath} and the emulator state in {prepared.State.Folder} ({DemoStore.Describe(sample)}). "
                        + "Nothing is seeded again; 'tolk demo --reset' starts over.");
                    break;
            }
        }

        Sandbox sandbox;
        try
        {
            sandbox = await Sandbox.StartAsync(new EmulatorFleetOptions
            {
                PortBase = options.PortBase,
                Address = IPAddress.Loopback,
                Sample = sample,
                Time = TimeProvider.System,
                StateFolder = DemoStore.EmulatorFolder(settings.StorePath),
                Resume = prepared.State,
                SaveFailed = e => Out.Error(e.Message),
            }, cancellationToken);
        }
        catch (IOException e)
        {
            Out.Error($"cannot start the emulators: {e.Message} (another 'tolk demo', or the emulators on their own, may hold the ports; --port-base 0 picks free ones)");
            return ExitCodes.Failed;
        }
        catch (EmulatorStateException e)
        {
            Out.Error($"{e.Message}. 'tolk demo --reset' starts the demo over: it removes the demo's hub store and emulator state.");
            return ExitCodes.Store;
        }

        await using (sandbox)
        {
            ShowSandbox(display, sandbox, options, prepared.Outcome == DemoStore.Preparation.Resumed);
            var (session, exit) = await EngineSession.OpenAsync(settings, sandbox.Endpoints, "demo", cancellationToken);
            if (session is null)
            {
                return exit;
            }

            await using (session)
            {
                if (prepared.Outcome != DemoStore.Preparation.Resumed)
                {
                    await DemoStore.MarkAsync(session.Store, sample, sandbox.Fleet.Lineage, TimeProvider.System, cancellationToken);
                }


                display.Line($"Hub store: {session.Store.FilePath}");
                var runner = new SyncRunnerOptions { PollInterval = TimeSpan.FromSeconds(5) };
                var server = new ServerOptions { Address = IPAddress.Loopback, Port = options.ServerPort };
                return await SyncFlow.RunAsync(session, display, runner, server, options.Once, options.MaxCycles,
                    "The hub store stays in ./tolk-data for 'tolk status', 'tolk links', 'tolk history' and the other commands.", cancellationToken,
                    options.LeaveToMe ? null : new DemoPerson(SampleWorld.Create(sample)));
            }
        }
    }

    private static void ShowSandbox(SyncDisplay display, Sandbox sandbox, DemoOptions options, bool resumed)
    {
        var systems = sandbox.Fleet.Running.Select(r => new { System = r.Emulator.Name, BaseUrl = r.BaseUrl.ToString(), AdminUrl = new Uri(r.HostUrl, "_emulator/").ToString() }).ToList();
        display.Event("sandbox", $"{(resumed ? "Resumed" : "Started")} the six emulators (sample '{options.Size}', seed {options.Seed}) on {IPAddress.Loopback}; each has an admin side channel under /_emulator/ to edit records as a person would:", systems);
        foreach (var system in systems)
        {
            display.Line($"  {system.System,-11} {system.BaseUrl,-36} admin {system.AdminUrl}");
        }
    }
}
