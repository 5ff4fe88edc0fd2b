using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;
using Tolk.Trello.Emulator.Internal;

namespace Tolk.Trello.Emulator;

/// <summary>
/// The Trello REST API (<c>https://api.trello.com/1</c>) as a sandbox: members, workspaces, boards, lists, cards and
/// their actions, key/token auth, plain-text errors, per-key and per-token rate limits and signed webhooks.
/// </summary>
public sealed partial class TrelloEmulator : SystemEmulator
{
    /// <summary>The demo API key (32 hex digits, as Trello's).</summary>
    public const string ApiKey = "5e1b7c3a9d2f4e6b8a0c1d3f5b7e9a2c";

    /// <summary>The demo token of the key, belonging to the member "me" (64 hex digits).</summary>
    public const string ApiToken = "a3f9c2e17b5d4086e1c3b5a7d9f20468ace13579bdf2468ace0135792468bdf0";

    /// <summary>A second token of the same key and member: its own per-token limit, the key's limit shared.</summary>
    public const string SecondApiToken = "0f1e2d3c4b5a69788796a5b4c3d2e1f00123456789abcdeffedcba9876543210";

    /// <summary>The application's OAuth secret, which signs webhook deliveries.</summary>
    public const string AppSecret = "d4c3b2a1908f7e6d5c4b3a291807f6e5d4c3b2a1908f7e6d5c4b3a291807f6e5";

    private readonly Lock _write = new();
    private readonly TrelloRoutes _routes = new();
    private readonly JsonObject _defaultSettings;
    private TrelloIds _ids = new(0);

    /// <summary>Creates the emulator on the kernel's services.</summary>
    public TrelloEmulator(EmulatorContext context) : base(context)
    {
        Members = Database.Add("members");
        Organizations = Database.Add("organizations");
        Boards = Database.Add("boards");
        Lists = Database.Add("lists");
        Cards = Database.Add("cards");
        Actions = Database.Add("actions");
        Webhooks = Database.Add("webhooks");
        Limits = new TrelloRateLimits(context.Time);
        Database.Changed += OnChanged;
        DefineMemberRoutes();
        DefineOrganizationRoutes();
        DefineBoardRoutes();
        DefineListRoutes();
        DefineCardRoutes();
        DefineActionRoutes();
        DefineRelationRoutes();
        DefineWebhookRoutes();
        DefineBatchRoute();
        _defaultSettings = GetSettings();
    }

    /// <inheritdoc />
    public override string Name => "trello";

    /// <inheritdoc />
    public override string ApiPrefix => "/1";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Credentials { get; } = new Dictionary<string, string>
    {
        ["key"] = ApiKey,
        ["token"] = ApiToken,
        ["secondToken"] = SecondApiToken,
        ["secret"] = AppSecret,
    };

    internal RecordTable Members { get; }
    internal RecordTable Organizations { get; }
    internal RecordTable Boards { get; }
    internal RecordTable Lists { get; }
    internal RecordTable Cards { get; }
    internal RecordTable Actions { get; }
    internal RecordTable Webhooks { get; }
    internal TrelloRateLimits Limits { get; }

    /// <summary>The member the tokens belong to ("me").</summary>
    internal string MeId { get; private set; } = "";

    /// <summary>The member a person's edits through the admin channel are made as (someone other than the token's member).</summary>
    internal string PersonId { get; private set; } = "";

    /// <inheritdoc />
    public override void MapApi(IEndpointRouteBuilder api) => _routes.MapOn(api);

    private DateTimeOffset Now => Context.Time.GetUtcNow();

    /// <summary>Trello's date format: ISO 8601 UTC with milliseconds.</summary>
    internal static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private ChangeOrigin OriginOf(string actorId) => actorId == PersonId && actorId != MeId ? ChangeOrigin.Person : ChangeOrigin.Api;

    private static string Str(JsonObject record, string name) => (string?)record[name] ?? "";

    // Finds a record by its 24-hex id; Trello answers 400 "invalid id" for anything else.
    private static (JsonObject? Record, TrelloResponse? Error) ById(RecordTable table, string raw)
    {
        if (!TrelloIds.IsId(raw))
        {
            return (null, TrelloResponse.InvalidId());
        }
        var record = table.Get(raw.ToLowerInvariant());
        return record is null ? (null, TrelloResponse.NotFound()) : (record, null);
    }

    // Boards and cards are also addressed by their shortLink.
    private static (JsonObject? Record, TrelloResponse? Error) ByIdOrShortLink(RecordTable table, string raw)
    {
        if (TrelloIds.IsId(raw))
        {
            return ById(table, raw);
        }
        if (raw.Length == 8 && raw.All(char.IsAsciiLetterOrDigit))
        {
            var found = First(table, r => Str(r, "shortLink") == raw);
            return found is null ? (null, TrelloResponse.NotFound()) : (found, null);
        }
        return (null, TrelloResponse.InvalidId());
    }

    private static JsonObject? First(RecordTable table, Func<JsonObject, bool> predicate) =>
        table.Where(predicate) is { Count: > 0 } found ? found[0] : null;

    // A string parameter of at most `max` characters; absent is fine unless required.
    private static (string? Value, TrelloResponse? Error) TextArg(TrelloArgs args, string name, int max = 16384, int min = 0,
        bool required = false)
    {
        var (value, valid) = args.Text(name);
        if (!valid || (value is null && required) || (value is not null && (value.Length > max || value.Length < min)))
        {
            return (null, TrelloResponse.Invalid(name));
        }
        return (value, null);
    }

    private static (bool? Value, TrelloResponse? Error) BoolArg(TrelloArgs args, string name)
    {
        var (value, valid) = args.Text(name);
        return value switch
        {
            null when valid => (null, null),
            "true" when valid => (true, null),
            "false" when valid => (false, null),
            _ => (null, TrelloResponse.Invalid(name)),
        };
    }
}
