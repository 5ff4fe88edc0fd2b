using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tolk.Connectors;
using Tolk.Connectors.Webhooks;
using Tolk.Trello.Internal;

namespace Tolk.Trello;

/// <summary>
/// The connector for Trello's REST API (<c>spec/systems/trello.md</c>): members (read and update; accounts are not
/// made by API), workspaces (organizations) and the comments of one configured card (the <c>action</c> datatype).
/// Workspaces and members are read by listing and comparing with fingerprints in the cursor, comments through the
/// card's action feed; writes go as query parameters; pacing follows Trello's rate-limit headers; deliveries of
/// webhooks are verified with the app secret. Split by concern into partial files.
/// </summary>
public sealed partial class TrelloConnector : IConnector, IWebhookConnector, IDisposable
{
    /// <summary>The system's name, as the configuration and messages use it.</summary>
    public const string SystemName = "trello";

    private readonly TrelloOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TrelloApiClient _api;
    private readonly ActionCardResolver _card;
    private readonly CreateLedger _ledger;
    private readonly OrganizationReader _organizations;
    private readonly MemberReader _members;
    private readonly CommentReader _comments;

    /// <summary>Creates a connector for one Trello key and token.</summary>
    /// <param name="options">Base URL, credentials, the action card and limits.</param>
    /// <param name="time">The clock for pacing, retries and lookups; the system clock when null.</param>
    /// <param name="logger">Where diagnostics go (never a key, token or secret).</param>
    /// <param name="network">The innermost HTTP handler; a pooled socket handler when null.</param>
    public TrelloConnector(TrelloOptions options, TimeProvider? time = null, ILogger<TrelloConnector>? logger = null,
        HttpMessageHandler? network = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiToken);
        ArgumentNullException.ThrowIfNull(options.ActionCard);
        if (options.ActionPageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ActionPageSize, "ActionPageSize must be 1 to 1000, the API's range");
        }
        foreach (var (name, value) in new[] { ("Board", options.ActionCard.Board), ("List", options.ActionCard.List), ("Card", options.ActionCard.Card) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"ActionCard.{name} must name the {name.ToLowerInvariant()} that holds the comments", nameof(options));
            }
        }
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _api = new TrelloApiClient(options, _time, network);
        _card = new ActionCardResolver(_api, options.ActionCard, _logger);
        _ledger = new CreateLedger(_time, options.RecoveryWindow);
        _organizations = new OrganizationReader(_api);
        _members = new MemberReader(_api);
        _comments = new CommentReader(_api, _card, options.ActionPageSize, _logger);
        Datatypes = [.. TrelloDatatypes.All.Select(d => new DatatypeInfo(d.Name, d.Capabilities, d.ChangeMechanism))];
    }

    /// <inheritdoc />
    public string System => SystemName;

    /// <inheritdoc />
    /// <remarks>
    /// member: update only (accounts are made by people; flows link existing members by e-mail or username);
    /// organization: create, update, delete; action: create, update and delete of comments on the action card.
    /// </remarks>
    public IReadOnlyList<DatatypeInfo> Datatypes { get; }

    /// <summary>Why Trello refused the key or token, or null while they are not known to be bad.</summary>
    public string? CredentialsRejected => _api.Guard.Rejected;

    /// <inheritdoc />
    public void Dispose()
    {
        _api.Dispose();
        _card.Dispose();
    }

    private static WriteOutcome Unsupported(string datatype, string operation) =>
        WriteOutcome.Fail(FailureKind.NotSupported, TrelloDatatypes.Find(datatype) is null
            ? $"trello has no datatype '{datatype}'"
            : $"trello {datatype}: {operation} is not possible through Trello's API"
                + (datatype == TrelloDatatypes.Member ? " (accounts are made by people; link existing members by e-mail or username)" : ""));
}
