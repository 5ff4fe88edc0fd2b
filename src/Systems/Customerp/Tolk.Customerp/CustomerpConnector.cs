using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tolk.Connectors;
using Tolk.Connectors.Http;
using Tolk.Connectors.Webhooks;
using Tolk.Customerp.Internal;

namespace Tolk.Customerp;

/// <summary>
/// The connector for Customerp's REST contract (<c>spec/systems/customerp.md</c>): incremental reads by
/// <c>updated_since</c> and cursor pagination including soft deletes, merge-patch updates guarded by If-Match,
/// idempotent creates, soft deletes, and signed webhooks as change hints. Split by concern into partial files.
/// </summary>
public sealed partial class CustomerpConnector : IConnector, IWebhookConnector, IDisposable
{
    /// <summary>The system's name, as the configuration and messages use it.</summary>
    public const string SystemName = "customerp";

    private const string ChangeMechanism =
        "updated_since high-water mark with cursor pagination and include_deleted=true (soft deletes arrive as deleted records), "
        + "re-read with an overlap window; an expired cursor restarts from the high-water mark; webhooks <type>.* as hints";

    private readonly CustomerpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CredentialGuard _guard = new();
    private readonly CustomerpApiClient _api;
    private readonly string _webhookSecret;

    // The version of each record as last read or written, sent as If-Match so an update never overwrites a change it has not seen.
    private readonly ConcurrentDictionary<(string Datatype, string Id), long> _versions = new();

    /// <summary>Creates a connector for one Customerp tenant and API token.</summary>
    /// <param name="options">Base URL, token and limits.</param>
    /// <param name="time">The clock for pacing, retries and lookups; the system clock when null.</param>
    /// <param name="logger">Where diagnostics go (never a token or secret).</param>
    /// <param name="network">The innermost HTTP handler; a pooled socket handler when null.</param>
    public CustomerpConnector(CustomerpOptions options, TimeProvider? time = null, ILogger<CustomerpConnector>? logger = null,
        HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiToken);
        if (options.PageSize is < 1 or > 500)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PageSize, "PageSize must be 1 to 500, the API's range");
        }
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _api = new CustomerpApiClient(options, _guard, _time, network);
        _webhookSecret = WebhookSecretFor(options);
        Datatypes = CustomerpCollections.All
            .Select(c => new DatatypeInfo(c.Datatype, Capabilities.Create | Capabilities.Update | Capabilities.Delete | Capabilities.Webhooks,
                ChangeMechanism))
            .ToList();
    }

    /// <inheritdoc />
    public string System => SystemName;

    /// <inheritdoc />
    /// <remarks>All five collections can be created, updated and (soft) deleted, and all send webhooks.</remarks>
    public IReadOnlyList<DatatypeInfo> Datatypes { get; }

    /// <inheritdoc />
    public void Dispose() => _api.Dispose();

    /// <summary>
    /// The configured webhook secret, else one derived from the token and base URL: stable across restarts without being
    /// stored, and replaced together with the token (re-register the webhooks after changing it).
    /// </summary>
    internal static string WebhookSecretFor(CustomerpOptions options) =>
        options.WebhookSecret ?? Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.ApiToken),
            Encoding.UTF8.GetBytes("tolk:customerp:webhook-secret:" + options.BaseUrl.AbsoluteUri)));

    private void Remember(string datatype, string id, long? version)
    {
        if (version is { } v)
        {
            _versions[(datatype, id)] = v;
        }
    }
}
