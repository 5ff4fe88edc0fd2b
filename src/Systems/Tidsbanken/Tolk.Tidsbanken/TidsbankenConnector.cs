using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tolk.Connectors;
using Tolk.Connectors.Http;
using Tolk.Tidsbanken.Internal;

namespace Tolk.Tidsbanken;

/// <summary>
/// Tidsbanken API v3: Kunde, Ansatt and Prosjekt, read by polling <c>SistEndretDato</c> with an overlap window and
/// written as JSON arrays with client-chosen keys. No webhooks: Tidsbanken has none for these types.
/// </summary>
public sealed partial class TidsbankenConnector : IConnector, IDisposable
{
    private readonly TidsbankenOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CredentialGuard _guard = new();
    private readonly TidsbankenApiClient _api;

    /// <summary>Creates the connector; <paramref name="network"/> replaces the socket handler (tests, proxies).</summary>
    public TidsbankenConnector(TidsbankenOptions options, TimeProvider? time = null, ILogger<TidsbankenConnector>? logger = null,
        HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, MaxTop);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<TidsbankenConnector>.Instance;
        _api = new TidsbankenApiClient(options, _time, _guard, network);
    }

    /// <summary>The largest <c>$top</c> the API accepts (assumed).</summary>
    public const int MaxTop = 1000;

    /// <inheritdoc />
    public string System => TidsbankenApiClient.SystemName;

    /// <inheritdoc />
    public IReadOnlyList<DatatypeInfo> Datatypes { get; } =
    [
        new("kunde", Capabilities.Create | Capabilities.Update | Capabilities.Delete,
            "polls SistEndretDato gt last seen (overlap 65 min for the 1-hour skew); deletions by an hourly Id sweep"),
        new("ansatt", Capabilities.Create | Capabilities.Update | Capabilities.Archive,
            "polls SistEndretDato gt last seen (overlap 65 min); no delete: deactivated with Aktiv=false, Sluttet=true"),
        new("prosjekt", Capabilities.Create | Capabilities.Update | Capabilities.Archive,
            "polls SistEndretDato gt last seen (overlap 65 min for the 1-hour skew); no delete: closed with Avsluttet=true"),
    ];

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _api.Dispose();

    private static EntityType TypeOf(string datatype) =>
        EntityTypes.Find(datatype) ?? throw new ArgumentException($"tidsbanken has no datatype '{datatype}' (kunde, ansatt, prosjekt)", nameof(datatype));
}
