using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tolk.Asana.Internal;
using Tolk.Connectors;
using Tolk.Connectors.Webhooks;

namespace Tolk.Asana;

/// <summary>
/// The connector for Asana's REST API: workspaces, teams, users, projects and tasks, read in full through listings and
/// incrementally through the events endpoint (sync tokens per workspace, with a periodic full read as the safety net),
/// written as the API requires, with webhooks on each workspace.
/// </summary>
public sealed partial class AsanaConnector : IConnector, IWebhookConnector, IDisposable
{
    private readonly AsanaOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AsanaApiClient _api;
    private readonly Lister _lister;
    private readonly EventFeed _feed;

    /// <summary>Creates the connector; <paramref name="network"/> replaces the socket handler (tests, proxies).</summary>
    public AsanaConnector(AsanaOptions options, TimeProvider? time = null, ILogger<AsanaConnector>? logger = null, HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _api = new AsanaApiClient(options, _time, network);
        _lister = new Lister(_api, options.PageSize);
        _feed = new EventFeed(_api);
        _secrets = new WebhookSecrets(options.WebhookSecrets);
    }

    /// <inheritdoc />
    public string System => "asana";

    /// <inheritdoc />
    public IReadOnlyList<DatatypeInfo> Datatypes { get; } =
    [
        .. AsanaDatatype.All.Select(d => new DatatypeInfo(d.Name, d.Capabilities,
            "Asana events with sync tokens per workspace (412: full read, then the fresh token), webhooks as hints, and a periodic full read")),
    ];

    /// <summary>Why Asana refused the token, or null while it is not known to be bad.</summary>
    public string? CredentialsRejected => _api.Guard.Rejected;

    /// <inheritdoc />
    public void Dispose()
    {
        _api.Dispose();
        _registering.Dispose();
    }
}
