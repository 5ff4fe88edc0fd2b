using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tolk.Connectors;
using Tolk.Connectors.Http;
using Tolk.Custompms.Internal;

namespace Tolk.Custompms;

/// <summary>
/// The connector for Custompms's REST contract (<c>spec/systems/custompms.md</c>): full reads keyset-paged by
/// <c>modifiedAt</c>, incremental reads from the sequence-numbered change log (hard deletes included; an expired
/// position starts a full read), idempotent creates, full-replacement updates and hard deletes. Custompms has no
/// webhooks. Split by concern into partial files.
/// </summary>
public sealed partial class CustompmsConnector : IConnector, IDisposable
{
    /// <summary>The system's name, as the configuration and messages use it.</summary>
    public const string SystemName = "custompms";

    private const string ChangeMechanism =
        "change log GET /changes?since=<seq> (upserts and hard deletes; changed records listed by modifiedSince); "
        + "410 sequence_expired starts a full read from a fresh position; no webhooks";

    private readonly CustompmsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CredentialGuard _guard = new();
    private readonly CustompmsApiClient _api;

    /// <summary>Creates a connector for one Custompms account and API key.</summary>
    /// <param name="options">Base URL, API key and limits.</param>
    /// <param name="time">The clock for pacing, retries and lookups; the system clock when null.</param>
    /// <param name="logger">Where diagnostics go (never the API key).</param>
    /// <param name="network">The innermost HTTP handler; a pooled socket handler when null.</param>
    public CustompmsConnector(CustompmsOptions options, TimeProvider? time = null, ILogger<CustompmsConnector>? logger = null,
        HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.BaseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        if (!options.ApiKey.All(c => c is > ' ' and <= '~'))
        {
            // Said without the key: HttpClient's own refusal would quote the value, and with it the secret.
            throw new ArgumentException("ApiKey must be printable ASCII without spaces to be sent as X-Api-Key", nameof(options));
        }
        if (options.PageSize is < 1 or > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PageSize, "PageSize must be 1 to 200, the API's perPage range");
        }
        if (options.ChangeLimit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ChangeLimit, "ChangeLimit must be 1 to 1000, the API's limit range");
        }
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _api = new CustompmsApiClient(options, _guard, _time, network);
        Datatypes = CustompmsCollections.All
            .Select(c => new DatatypeInfo(c.Datatype, Capabilities.Create | Capabilities.Update | Capabilities.Delete, ChangeMechanism))
            .ToList();
    }

    /// <inheritdoc />
    public string System => SystemName;

    /// <inheritdoc />
    /// <remarks>Customers, projects and tasks can all be created, updated (full replacement) and deleted (hard).</remarks>
    public IReadOnlyList<DatatypeInfo> Datatypes { get; }

    /// <inheritdoc />
    public void Dispose() => _api.Dispose();

    private static WriteOutcome Unsupported(string datatype) =>
        WriteOutcome.Fail(FailureKind.NotSupported, $"custompms has no datatype '{datatype}' (customer, project, task)");
}
