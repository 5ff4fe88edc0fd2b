using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Engine;
using Tolk.Engine.Linking;
using Tolk.Hub.Store;
using Tolk.Runtime;

namespace Tolk.Server;

/// <summary>What the endpoints work on: the engine, its runner, the hub store and the connectors, shared by the whole server.</summary>
internal sealed class ServerContext(SyncEngine engine, SyncRunner runner, IHubStore store, IReadOnlyDictionary<string, IConnector> connectors,
    ServerOptions options, TimeProvider time, ILoggerFactory loggers)
{
    public SyncEngine Engine { get; } = engine;

    public SyncRunner Runner { get; } = runner;

    public IHubStore Store { get; } = store;

    public IReadOnlyDictionary<string, IConnector> Connectors { get; } = connectors;

    public ServerOptions Options { get; } = options;

    public TimeProvider Time { get; } = time;

    public ILoggerFactory Loggers { get; } = loggers;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    /// <summary>The ambiguities read last, shown while a long cycle keeps the engine from reading them anew.</summary>
    public IReadOnlyList<Ambiguity> LastAmbiguities { get; set; } = [];

    /// <summary>The base URL systems deliver webhooks to; set once the server listens.</summary>
    public Uri PublicUrl { get; set; } = new("http://127.0.0.1/");

    /// <summary>Where <paramref name="system"/> delivers its webhooks.</summary>
    public Uri CallbackUrl(string system) => new(PublicUrl, $"webhooks/{system}");

    /// <summary>The datasets the flows read in one system.</summary>
    public IEnumerable<Dataset> DatasetsOf(string system) => Engine.Topology.Datasets.Where(d => d.System == system);
}
