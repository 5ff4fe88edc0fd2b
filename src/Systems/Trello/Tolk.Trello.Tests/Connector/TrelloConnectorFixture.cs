using System.Text;
using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Connectors.Compliance;
using Tolk.Connectors.Webhooks;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;
using Tolk.Trello.Emulator;

namespace Tolk.Trello.Tests.Connector;

/// <summary>
/// A Trello emulator in-process on a free loopback port (real clock: the connector's pacing waits in real time, and so
/// must the emulator's rate windows) and connectors configured against it as a deployment would configure them. The
/// action card is a seeded card that already carries comments, named by board, list and card as flow 12's options are.
/// </summary>
public sealed class TrelloConnectorFixture : IConnectorFixture, IAsyncLifetime
{
    private readonly List<TrelloConnector> _connectors = [];
    private readonly SemaphoreSlim _start = new(1, 1);
    private RunningEmulator? _emulator;

    /// <inheritdoc />
    public RunningEmulator Emulator => _emulator ?? throw new InvalidOperationException("the fixture has not started");

    internal TrelloEmulator Trello => (TrelloEmulator)Emulator.Emulator;

    /// <inheritdoc />
    public IReadOnlyList<string> ReadDatatypes { get; } = ["organization", "member", "action"];

    /// <summary>The seeded card whose comments are the action datatype.</summary>
    public TrelloCardLocation ActionCard { get; private set; } = new();

    /// <summary>Its id.</summary>
    public string ActionCardId { get; private set; } = "";

    /// <summary>The token's member ("me").</summary>
    public string MeId => Trello.MeId;

    /// <inheritdoc />
    public WriteCase WriteCase { get; } = new("organization",
        new JsonObject { ["displayName"] = "Tolk Rundtur AS", ["desc"] = "Reiser rundt", ["website"] = "https://rundtur.example" },
        new JsonObject { ["desc"] = "Reiser rundt hele landet", ["website"] = "https://rundtur.example/no" },
        new Dictionary<string, string> { ["displayName"] = "Tolk Rundtur AS" });

    /// <inheritdoc />
    public async Task StartAsync()
    {
        await _start.WaitAsync();
        try
        {
            if (_emulator is not null)
            {
                return;
            }
            _emulator = await EmulatorServer.StartAsync(ctx => new TrelloEmulator(ctx), new EmulatorServerOptions { Sample = SampleOptions.Small });
            await ChooseActionCardAsync();
        }
        finally
        {
            _start.Release();
        }
    }

    // The first seeded card with comments whose board name no other board has (the near-miss workspace
    // repeats a name, and the connector takes the oldest board of a name). The seed is deterministic: a reset keeps it.
    private async Task ChooseActionCardAsync()
    {
        var boards = await Emulator.Admin.ListAsync("boards");
        var cards = await Emulator.Admin.ListAsync("cards");
        var card = cards.First(c => c["badges"]!["comments"]!.GetValue<int>() >= 1
            && boards.Count(b => (string?)b["name"] == (string?)boards.Single(o => (string?)o["id"] == (string?)c["idBoard"])["name"]) == 1
            && cards.Count(o => (string?)o["name"] == (string?)c["name"] && (string?)o["idList"] == (string?)c["idList"]) == 1);
        var board = boards.Single(b => (string?)b["id"] == (string?)card["idBoard"]);
        var list = (await Emulator.Admin.GetAsync("lists", (string)card["idList"]!))!;
        ActionCard = new TrelloCardLocation { Board = (string)board["name"]!, List = (string)list["name"]!, Card = (string)card["name"]! };
        ActionCardId = (string)card["id"]!;
    }

    /// <inheritdoc />
    public IConnector CreateConnector(bool badCredentials = false) => Create(badCredentials);

    /// <summary>A connector with the fixture's options, changed by <paramref name="change"/> when given.</summary>
    public TrelloConnector Create(bool badCredentials = false, Func<TrelloOptions, TrelloOptions>? change = null,
        Microsoft.Extensions.Logging.ILogger<TrelloConnector>? logger = null)
    {
        var options = Options(badCredentials);
        var connector = new TrelloConnector(change is null ? options : change(options), logger: logger);
        lock (_connectors)
        {
            _connectors.Add(connector);
        }
        return connector;
    }

    /// <summary>The options a deployment would configure: the emulator's base URL, the demo key, token and secret, the action card.</summary>
    public TrelloOptions Options(bool badCredentials = false, string? token = null, TrelloCardLocation? card = null, int maxRetries = 5,
        int actionPageSize = 1000) => new()
    {
        BaseUrl = Emulator.BaseUrl,
        ApiKey = TrelloEmulator.ApiKey,
        ApiToken = badCredentials ? new string('0', 64) : token ?? TrelloEmulator.ApiToken,
        AppSecret = TrelloEmulator.AppSecret,
        ActionCard = card ?? ActionCard,
        MaxRetries = maxRetries,
        ActionPageSize = actionPageSize,
    };

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ExpectedIdsAsync(string datatype)
    {
        var me = (await Emulator.Admin.GetAsync("members", MeId))!;
        var myOrgs = Ids(me["idOrganizations"]);
        var myBoards = Ids(me["idBoards"]);
        return datatype switch
        {
            "organization" => (await Emulator.Admin.ListAsync("organizations")).Select(o => (string)o["id"]!).Where(myOrgs.Contains).ToHashSet(),
            "member" => (await Emulator.Admin.ListAsync("members"))
                .Where(m => Ids(m["idOrganizations"]).Overlaps(myOrgs) || Ids(m["idBoards"]).Overlaps(myBoards))
                .Select(m => (string)m["id"]!).ToHashSet(),
            "action" => (await CommentsAsync()).Select(a => (string)a["id"]!).ToHashSet(),
            _ => throw new ArgumentOutOfRangeException(nameof(datatype), datatype, "not a trello datatype"),
        };
    }

    /// <summary>The comments on the action card, as stored.</summary>
    public async Task<List<JsonObject>> CommentsAsync(string? cardId = null) =>
        [.. (await Emulator.Admin.ListAsync("actions"))
            .Where(a => (string?)a["type"] == "commentCard" && (string?)a["data"]!["card"]!["id"] == (cardId ?? ActionCardId))];

    /// <inheritdoc />
    public async Task<PersonEdit> PersonEditAsync(string datatype)
    {
        var value = $"Edited {Guid.NewGuid():N}"[..20];
        switch (datatype)
        {
            case "organization":
                var org = (string)(await Emulator.Admin.ListAsync("organizations"))[0]["id"]!;
                await Emulator.Admin.EditAsync("organizations", org, new JsonObject { ["desc"] = value });
                return new PersonEdit(datatype, org, "desc", JsonValue.Create(value));
            case "member":
                var member = (await ExpectedIdsAsync("member")).Where(id => id != MeId).Order(StringComparer.Ordinal).First();
                await Emulator.Admin.EditAsync("members", member, new JsonObject { ["bio"] = value });
                return new PersonEdit(datatype, member, "bio", JsonValue.Create(value));
            case "action":
                var comment = (string)(await CommentsAsync())[0]["id"]!;
                await Emulator.Admin.EditAsync("actions", comment, new JsonObject { ["text"] = value });
                return new PersonEdit(datatype, comment, "data.text", JsonValue.Create(value));
            default:
                throw new NotSupportedException($"trello has no datatype '{datatype}' a person can edit");
        }
    }

    /// <inheritdoc />
    /// <remarks>In-process: the person-edit path validates like the API, so only the stored record can be made wrong.</remarks>
    public Task<(string Id, string Field)> CorruptRecordAsync(string datatype)
    {
        var (collection, field) = datatype switch
        {
            "organization" => ("organizations", "displayName"),
            "member" => ("members", "username"),
            _ => ("actions", "date"),
        };
        var table = Emulator.Emulator.Database.Find(collection)!;
        var record = datatype == "action"
            ? table.Where(a => (string?)a["type"] == "commentCard" && (string?)a["data"]!["card"]!["id"] == ActionCardId)[0]
            : table.Where(r => datatype != "member" || (string?)r["id"] != MeId)[1];
        var id = (string)record["id"]!;
        record[field] = 12345;
        table.Put(id, record, ChangeOrigin.Person);
        return Task.FromResult((id, field));
    }

    /// <inheritdoc />
    public async Task LowerRateLimitsAsync() => await Emulator.Admin.SetSettingsAsync(new JsonObject
    {
        ["tokenLimit"] = 2, ["tokenIntervalMs"] = 1000, ["membersLimit"] = 1, ["membersIntervalMs"] = 1000,
    });

    /// <inheritdoc />
    public Task<WebhookCase?> WebhookCaseAsync()
    {
        var url = new Uri("http://127.0.0.1/hooks/trello");
        var body = Delivery("Hei");
        var tampered = Delivery("Hå");
        var headers = new Dictionary<string, string> { [TrelloEmulator.SignatureHeader] = TrelloEmulator.Sign(body, url.AbsoluteUri) };
        return Task.FromResult<WebhookCase?>(new WebhookCase(new WebhookRequest("POST", url, headers, body), new WebhookRequest("POST", url, headers, tampered)));
    }

    /// <summary>A delivery of a comment on the action card, as Trello sends it.</summary>
    public byte[] Delivery(string text, string type = "commentCard", string actionId = "65e5a1e0a1b2c3d4e5f60001", string? cardId = null) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["id"] = actionId, ["type"] = type,
                ["data"] = new JsonObject { ["text"] = text, ["card"] = new JsonObject { ["id"] = cardId ?? ActionCardId } },
            },
            ["model"] = new JsonObject { ["id"] = cardId ?? ActionCardId },
        }.ToJsonString());

    private static HashSet<string> Ids(JsonNode? array) =>
        (array as JsonArray ?? []).Select(n => (string?)n).OfType<string>().ToHashSet(StringComparer.Ordinal);

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        lock (_connectors)
        {
            _connectors.ForEach(c => c.Dispose());
            _connectors.Clear();
        }
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
            _emulator = null;
        }
        _start.Dispose();
    }
}
