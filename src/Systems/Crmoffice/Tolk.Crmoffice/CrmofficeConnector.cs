using System.Collections.Concurrent;
using Tolk.Connectors;
using Tolk.Connectors.Http;
using Tolk.Connectors.Webhooks;
using Tolk.Crmoffice.Internal;

namespace Tolk.Crmoffice;

/// <summary>
/// The Crmoffice connector: companies, contacts and activities (read, create, update, delete, webhooks) and users
/// (read only), over OAuth2 client credentials, with <c>updatedAfter</c> and an overlap window for incremental reads.
/// </summary>
public sealed partial class CrmofficeConnector : IConnector, IWebhookConnector, IDisposable
{
    private readonly CrmofficeOptions _options;
    private readonly TimeProvider _time;
    private readonly CrmofficeApiClient _api;

    // Ids named by *.deleted webhooks, per datatype, waiting for the next read to confirm them with a GET (404).
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _pendingDeletes = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates the connector. <paramref name="guard"/> is the credential guard to share with whoever resets it after new
    /// credentials; <paramref name="network"/> replaces the innermost HTTP handler (tests, proxies).
    /// </summary>
    public CrmofficeConnector(CrmofficeOptions options, TimeProvider? time = null, CredentialGuard? guard = null, HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _api = new CrmofficeApiClient(options, _time, guard ?? new CredentialGuard(), network);
    }

    /// <inheritdoc />
    public string System => "crmoffice";

    /// <inheritdoc />
    public IReadOnlyList<DatatypeInfo> Datatypes { get; } = CrmofficeDatatypes.All.Select(d => d.Info).ToList();

    /// <summary>The guard that stops every call once the credentials are rejected; reset it after fixing them.</summary>
    public CredentialGuard Credentials => _api.Guard;

    /// <summary>How many access tokens this connector has asked for (each expiry or refusal costs one).</summary>
    public int TokensFetched => _api.Auth.TokensFetched;

    /// <inheritdoc />
    public void Dispose() => _api.Dispose();

    private static CrmDatatype Datatype(string datatype) =>
        CrmofficeDatatypes.Find(datatype) ?? throw new ArgumentException($"crmoffice has no datatype '{datatype}'", nameof(datatype));
}
