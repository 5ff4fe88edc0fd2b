using System.Text;
using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Connectors.Compliance;
using Tolk.Connectors.Webhooks;
using Tolk.Customerp.Emulator;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Customerp.Tests.Connector;

/// <summary>
/// A Customerp emulator in-process on a free loopback port (real clock: the connector's pacing and retries wait in
/// real time, and so must the emulator's rate window) and connectors configured against it as they would be in
/// production: base URL and token from configuration, small pages so that reads span several of them.
/// </summary>
public sealed class CustomerpConnectorFixture : IConnectorFixture, IAsyncLifetime
{
    /// <summary>The datatype each person edit changes, and the field.</summary>
    private static readonly Dictionary<string, (string Collection, string EditField, string CorruptField)> Datatypes = new()
    {
        ["customer"] = ("customers", "city", "name"),
        ["contact"] = ("contacts", "title", "first_name"),
        ["employee"] = ("employees", "title", "first_name"),
        ["project"] = ("projects", "description", "name"),
        ["product"] = ("products", "description", "name"),
    };

    private readonly List<CustomerpConnector> _connectors = [];
    private readonly SemaphoreSlim _start = new(1, 1);
    private RunningEmulator? _emulator;

    /// <inheritdoc />
    public RunningEmulator Emulator => _emulator ?? throw new InvalidOperationException("the fixture has not started");

    /// <inheritdoc />
    public IReadOnlyList<string> ReadDatatypes { get; } = ["customer", "contact", "employee", "project", "product"];

    /// <summary>The page size the fixture's connectors use (small, so the sample spans several pages).</summary>
    public int PageSize { get; set; } = 25;

    /// <inheritdoc />
    public WriteCase WriteCase { get; } = new("customer",
        new JsonObject { ["name"] = "Tolk Rundtur AS", ["org_number"] = "999000111", ["city"] = "Oslo", ["country"] = "NO" },
        new JsonObject { ["city"] = "Bergen", ["is_active"] = false },
        new Dictionary<string, string> { ["org_number"] = "999000111" });

    /// <inheritdoc />
    public async Task StartAsync()
    {
        await _start.WaitAsync();
        try
        {
            _emulator ??= await EmulatorServer.StartAsync(ctx => new CustomerpEmulator(ctx),
                new EmulatorServerOptions { Sample = SampleOptions.Small });
        }
        finally
        {
            _start.Release();
        }
    }

    /// <inheritdoc />
    public IConnector CreateConnector(bool badCredentials = false) => Create(badCredentials);

    /// <summary>A connector with the fixture's options, with another page size or retry count when given.</summary>
    public CustomerpConnector Create(bool badCredentials = false, int? pageSize = null, int? maxRetries = null)
    {
        var options = Options(badCredentials, pageSize, maxRetries);
        var connector = new CustomerpConnector(options);
        lock (_connectors)
        {
            _connectors.Add(connector);
        }
        return connector;
    }

    /// <summary>The options a deployment would configure: the emulator's base URL and its demo token.</summary>
    public CustomerpOptions Options(bool badCredentials = false, int? pageSize = null, int? maxRetries = null) => new()
    {
        BaseUrl = Emulator.BaseUrl,
        ApiToken = badCredentials ? "cpk_not_a_valid_token" : Emulator.Emulator.Credentials["api_token"],
        PageSize = pageSize ?? PageSize,
        MaxRetries = maxRetries ?? 5,
    };

    /// <summary>The collection a datatype is stored in.</summary>
    public static string CollectionOf(string datatype) => Datatypes[datatype].Collection;

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ExpectedIdsAsync(string datatype) =>
        (await Emulator.Admin.ListAsync(CollectionOf(datatype))).Select(r => r["id"]!.ToJsonString()).ToHashSet();

    /// <inheritdoc />
    public async Task<PersonEdit> PersonEditAsync(string datatype)
    {
        var (collection, field, _) = Datatypes[datatype];
        var id = (await Emulator.Admin.ListAsync(collection)).First(r => r["deleted_at"] is null)["id"]!.ToJsonString();
        var value = $"Edited {Guid.NewGuid():N}"[..20];
        await Emulator.Admin.EditAsync(collection, id, new JsonObject { [field] = value });
        return new PersonEdit(datatype, id, field, JsonValue.Create(value));
    }

    /// <inheritdoc />
    /// <remarks>In-process: the person-edit path validates like the API, so only the stored record can be made wrong.</remarks>
    public Task<(string Id, string Field)> CorruptRecordAsync(string datatype)
    {
        var (collection, _, field) = Datatypes[datatype];
        var table = Emulator.Emulator.Database.Find(collection)!;
        var record = table.Get("2")!;
        record[field] = 12345;
        table.Put("2", record, ChangeOrigin.Person);
        return Task.FromResult(("2", field));
    }

    /// <inheritdoc />
    public async Task LowerRateLimitsAsync() =>
        await Emulator.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 3, ["rateLimitWindowSeconds"] = 1 });

    /// <inheritdoc />
    public Task<WebhookCase?> WebhookCaseAsync()
    {
        var secret = CustomerpConnector.WebhookSecretFor(Options());
        var body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"customer.updated","occurred_at":"2026-01-05T09:00:00.000Z","data":{"id":3,"name":"Nordlys AS","version":4}}""");
        var tampered = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"customer.updated","occurred_at":"2026-01-05T09:00:00.000Z","data":{"id":3,"name":"Sørlys AS","version":4}}""");
        var headers = new Dictionary<string, string> { ["X-Customerp-Signature"] = "sha256=" + Signatures.HmacSha256Hex(secret, body) };
        var url = new Uri("http://127.0.0.1/hooks/customerp");
        return Task.FromResult<WebhookCase?>(new WebhookCase(new WebhookRequest("POST", url, headers, body), new WebhookRequest("POST", url, headers, tampered)));
    }

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
