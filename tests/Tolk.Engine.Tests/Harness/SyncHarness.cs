using Tolk.Connectors;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Sample;
using Tolk.Engine;
using Tolk.Engine.Running;
using Tolk.Hub.Store;
using Tolk.Runtime;
using Tolk.Sync.Configuration;

namespace Tolk.Engine.Tests.Harness;

/// <summary>
/// The six emulators with the small sample, a SQLite hub in a temporary folder, the real connectors and the engine on
/// the repository's configuration: the whole product, as `tolk demo` runs it, for tests to drive.
/// </summary>
public sealed class SyncHarness : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tolk-engine-" + Guid.NewGuid().ToString("N"));
    private Sandbox? _sandbox;
    private SqliteHubStore? _store;
    private SyncEngine? _engine;

    private SyncConfiguration? _configuration;

    /// <summary>The configuration folder (default: the repository's <c>config/</c>).</summary>
    public string ConfigFolder { get; init; } = RepoPaths.Config;

    /// <summary>Builds the connectors (default: <see cref="ConnectorFactory.CreateAll"/>, as the product does).</summary>
    public Func<Sandbox, SyncConfiguration, Dictionary<string, IConnector>>? ConnectorBuilder { get; init; }

    /// <summary>Runs once the emulators are up, before the initial sync (emulator settings, for instance).</summary>
    public Func<Sandbox, Task>? Prepare { get; init; }

    /// <summary>The configuration.</summary>
    public SyncConfiguration Configuration => _configuration ??= ConfigurationLoader.LoadValid(ConfigFolder);

    /// <summary>The emulators.</summary>
    public Sandbox Sandbox => _sandbox ?? throw new InvalidOperationException("not started");

    /// <summary>The hub store.</summary>
    public IHubStore Store => _store ?? throw new InvalidOperationException("not started");

    /// <summary>The engine.</summary>
    public SyncEngine Engine => _engine ?? throw new InvalidOperationException("not started");

    /// <summary>The connectors, by system.</summary>
    public Dictionary<string, IConnector> Connectors { get; private set; } = [];

    /// <summary>The report of the initial sync.</summary>
    public CycleReport? Initial { get; private set; }

    /// <summary>The admin side channel of one system's emulator.</summary>
    public EmulatorAdminClient Admin(string system) => Sandbox.Fleet[system].Admin;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _sandbox = await Sandbox.StartAsync(SampleOptions.Small);
        if (Prepare is not null)
        {
            await Prepare(_sandbox);
        }

        _store = await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = Path.Combine(_folder, "tolk.db") }, TimeProvider.System);
        await OpenEngineAsync();
        Initial = await SyncAsync();
    }

    /// <summary>Opens the engine again on the same store, as a restart would.</summary>
    public async Task OpenEngineAsync()
    {
        _engine?.Dispose();
        Connectors = ConnectorBuilder?.Invoke(Sandbox, Configuration) ?? ConnectorFactory.CreateAll(Sandbox.Endpoints, Configuration);
        _engine = await SyncEngine.OpenAsync(Configuration, Store, Connectors);
    }

    /// <summary>Runs cycles until one makes no write (at most <paramref name="maxCycles"/>); returns the figures of all of them.</summary>
    public async Task<CycleReport> SyncAsync(int maxCycles = 4)
    {
        var total = new CycleReport();
        for (var i = 0; i < maxCycles; i++)
        {
            var report = await Engine.RunCycleAsync();
            Merge(total, report);
            if (report.Writes == 0)
            {
                break;
            }
        }

        return total;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _engine?.Dispose();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Merge(CycleReport total, CycleReport report)
    {
        total.AddFigures(report);
        total.Collected.AddRange(report.Collected);
        total.Waiting.Clear();
        total.Waiting.AddRange(report.Waiting);
        total.BlockedSystems.UnionWith(report.BlockedSystems);
    }
}
