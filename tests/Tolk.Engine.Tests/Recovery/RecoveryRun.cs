using Tolk.Connectors;
using Tolk.Emulation.Sample;
using Tolk.Engine.Running;
using Tolk.Engine.Tests.Harness;
using Tolk.Hub.Store;
using Tolk.Runtime;
using Tolk.Sync.Configuration;

namespace Tolk.Engine.Tests.Recovery;

/// <summary>
/// The six emulators with the small sample and a hub store path in a temporary folder, with nothing synced yet: the
/// store is opened only when asked, so a child process can have it first.
/// </summary>
internal sealed class RecoveryRun : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tolk-recovery-" + Guid.NewGuid().ToString("N"));
    private SqliteHubStore? _store;
    private SyncEngine? _engine;

    private RecoveryRun(Sandbox sandbox)
    {
        Sandbox = sandbox;
        Directory.CreateDirectory(_folder);
    }

    public static SyncConfiguration Configuration { get; } = ConfigurationLoader.LoadValid(RepoPaths.Config);

    public Sandbox Sandbox { get; }

    public string StorePath => Path.Combine(_folder, "tolk.db");

    public IHubStore Store => _store ?? throw new InvalidOperationException("the store is not open");

    public SyncEngine Engine => _engine ?? throw new InvalidOperationException("the engine is not open");

    public Dictionary<string, IConnector> Connectors { get; private set; } = [];

    public static async Task<RecoveryRun> StartAsync() => new(await Sandbox.StartAsync(SampleOptions.Small));

    /// <summary>Opens the store (once) and the engine on it with fresh connectors, as a restarted process would.</summary>
    public async Task OpenEngineAsync()
    {
        _store ??= await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = StorePath }, TimeProvider.System);
        _engine?.Dispose();
        Connectors = ConnectorFactory.CreateAll(Sandbox.Endpoints, Configuration);
        _engine = await SyncEngine.OpenAsync(Configuration, _store, Connectors);
    }

    /// <summary>Runs cycles until one writes nothing; returns every cycle's report.</summary>
    public async Task<IReadOnlyList<CycleReport>> SyncToRestAsync(int maxCycles = 10)
    {
        var reports = new List<CycleReport>();
        for (var i = 0; i < maxCycles; i++)
        {
            reports.Add(await Engine.RunCycleAsync());
            if (reports[^1].Writes == 0)
            {
                return reports;
            }
        }

        throw new InvalidOperationException($"the engine still wrote after {maxCycles} cycles: {string.Join(", ", reports.Select(r => r.Writes))} writes");
    }

    public async ValueTask DisposeAsync()
    {
        _engine?.Dispose();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await Sandbox.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
