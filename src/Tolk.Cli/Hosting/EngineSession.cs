using Tolk.Cli.Output;
using Tolk.Connectors;
using Tolk.Engine;
using Tolk.Hub.Store;
using Tolk.Runtime;
using Tolk.Runtime.Settings;
using Tolk.Sync.Configuration;

namespace Tolk.Cli.Hosting;

/// <summary>
/// Everything a command that drives the engine holds: the store's lock, the store, the configuration, the connectors
/// and the engine. Opening it writes each problem as one line to standard error and gives the exit code.
/// </summary>
internal sealed class EngineSession : IAsyncDisposable
{
    private readonly StoreLock _lock;

    private EngineSession(StoreLock storeLock, SqliteHubStore store, SyncConfiguration configuration, IReadOnlyDictionary<string, IConnector> connectors, SyncEngine engine)
    {
        _lock = storeLock;
        Store = store;
        Configuration = configuration;
        Connectors = connectors;
        Engine = engine;
    }

    /// <summary>The hub store.</summary>
    public SqliteHubStore Store { get; }

    /// <summary>The mapping configuration.</summary>
    public SyncConfiguration Configuration { get; }

    /// <summary>The connectors, by system.</summary>
    public IReadOnlyDictionary<string, IConnector> Connectors { get; }

    /// <summary>The engine.</summary>
    public SyncEngine Engine { get; }

    /// <summary>
    /// Opens the engine on <paramref name="settings"/>' store with connectors for <paramref name="endpoints"/> (none for
    /// the commands that only change the store: retry, link, unlink). Null with the exit code when something is wrong.
    /// </summary>
    public static async Task<(EngineSession? Session, int ExitCode)> OpenAsync(TolkSettings settings, IEnumerable<SystemEndpoint> endpoints, string command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (ConfigurationFolder.Load(settings.ConfigDirectory) is not { } configuration)
        {
            return (null, ExitCodes.Usage);
        }

        if (StoreLock.TryAcquire(settings.StorePath, command) is not { } storeLock)
        {
            Out.Error(StoreLock.InUse(settings.StorePath));
            return (null, ExitCodes.Store);
        }

        var store = await StoreOpener.OpenAsync(settings.StorePath, cancellationToken);
        if (store is null)
        {
            storeLock.Dispose();
            return (null, ExitCodes.Store);
        }

        try
        {
            var connectors = ConnectorFactory.CreateAll(endpoints, configuration);
            var engine = await SyncEngine.OpenAsync(configuration, store, connectors, logger: ErrorLogger.Instance, cancellationToken: cancellationToken);
            return (new EngineSession(storeLock, store, configuration, connectors, engine), ExitCodes.Ok);
        }
        catch
        {
            await store.DisposeAsync();
            storeLock.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Engine.Dispose();
        foreach (var connector in Connectors.Values.OfType<IDisposable>())
        {
            connector.Dispose();
        }

        await Store.DisposeAsync();
        _lock.Dispose();
    }
}
