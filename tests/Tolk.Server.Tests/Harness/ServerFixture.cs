using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Sample;
using Tolk.Engine;
using Tolk.Hub.Store;
using Tolk.Runtime;
using Tolk.Sync.Configuration;

namespace Tolk.Server.Tests.Harness;

/// <summary>
/// The whole product as `tolk serve` runs it: the six emulators with the small sample, a SQLite hub in a temporary
/// folder, the engine after its initial sync, the runner syncing continuously, and the server with its webhooks
/// registered with the emulators. Shared by every test class (one initial sync for the assembly).
/// </summary>
public sealed class ServerFixture : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tolk-server-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public Sandbox Sandbox { get; private set; } = null!;

    public SqliteHubStore Store { get; private set; } = null!;

    public SyncEngine Engine { get; private set; } = null!;

    public SyncRunner Runner { get; private set; } = null!;

    public RunningServer Server { get; private set; } = null!;

    public Dictionary<string, IConnector> Connectors { get; private set; } = [];

    public SyncConfiguration Configuration { get; } = ConfigurationLoader.LoadValid(RepoPaths.Config);

    /// <summary>The access token the first start made.</summary>
    public string Token { get; private set; } = "";

    /// <summary>A client for the management API, with the token.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>A client without the token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The systems whose webhooks were registered.</summary>
    public IReadOnlySet<string> Webhooks { get; private set; } = new HashSet<string>();

    public EmulatorAdminClient Admin(string system) => Sandbox.Fleet[system].Admin;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Sandbox = await Sandbox.StartAsync(SampleOptions.Small);
        Store = await SqliteHubStore.OpenAsync(new SqliteHubStoreOptions { Path = Path.Combine(_folder, "tolk.db") }, TimeProvider.System);
        Connectors = ConnectorFactory.CreateAll(Sandbox.Endpoints, Configuration);
        Engine = await SyncEngine.OpenAsync(Configuration, Store, Connectors);
        Runner = new SyncRunner(Engine, new SyncRunnerOptions
        {
            PollInterval = TimeSpan.FromSeconds(2),
            WebhookSystems = TolkServer.WebhookSystems(Connectors),
        });
        Server = await TolkServer.StartAsync(new ServerOptions { Port = 0 }, Engine, Runner, Store, Connectors);
        Token = Server.NewToken ?? throw new InvalidOperationException("the first start made no token");
        Api = new HttpClient { BaseAddress = Server.Url };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Anonymous = new HttpClient { BaseAddress = Server.Url };
        Webhooks = await Server.Webhooks;
        for (var cycle = 0; cycle < 5 && (await Runner.RunOnceAsync()).Writes > 0; cycle++)
        {
        }

        _loop = Runner.RunAsync(_stop.Token);
    }

    /// <summary>Waits until <paramref name="condition"/> holds; false when <paramref name="timeout"/> passed first.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }

    /// <summary>The first link of a flow: its source and target record ids.</summary>
    public async Task<(string Source, string Target)> FirstLinkAsync(int flow, int skip = 0)
    {
        var page = await Api.GetFromJsonAsync<JsonObject>($"api/flows/{flow}/links?offset={skip}&limit=1");
        var link = page!["links"]!.AsArray()[0]!;
        return ((string)link["source"]!["recordId"]!, (string)link["target"]!["recordId"]!);
    }

    public void Dispose() => _stop.Dispose();

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        Api?.Dispose();
        Anonymous?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Engine?.Dispose();
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        foreach (var connector in Connectors.Values.OfType<IDisposable>())
        {
            connector.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerGroup : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}

/// <summary>
/// The linking tests on a server of their own: settling the sample's ambiguities lets every waiting write through, which
/// changes how the engine treats a write a system keeps refusing (the other classes' failed-write scenarios).
/// </summary>
[CollectionDefinition(Name)]
public sealed class LinkingGroup : ICollectionFixture<ServerFixture>
{
    public const string Name = "linking";
}
