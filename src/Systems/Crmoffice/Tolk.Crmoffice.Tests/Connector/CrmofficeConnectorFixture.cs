using System.Text;
using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Connectors.Compliance;
using Tolk.Connectors.Webhooks;
using Tolk.Crmoffice.Emulator;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Crmoffice.Tests.Connector;

/// <summary>The Crmoffice emulator in-process on a free port, and connectors configured against it as against the real service.</summary>
public sealed class CrmofficeConnectorFixture : IConnectorFixture
{
    public static readonly Uri CallbackUrl = new("http://127.0.0.1:9/crmoffice-hook");

    private static readonly Dictionary<string, (string Collection, string Field)> EditFields = new(StringComparer.Ordinal)
    {
        ["company"] = ("companies", "description"),
        ["contact"] = ("contacts", "title"),
        ["activity"] = ("activities", "subject"),
        ["user"] = ("users", "name"),
    };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private RunningEmulator? _server;

    public RunningEmulator Emulator => _server ?? throw new InvalidOperationException("StartAsync first");

    public IReadOnlyList<string> ReadDatatypes { get; } = ["company", "contact", "activity", "user"];

    public WriteCase WriteCase { get; } = new("company",
        new JsonObject
        {
            ["name"] = "Tolk Kompliansetest AS",
            ["orgNr"] = "999888777",
            ["email"] = "post@kompliansetest.no",
            ["address"] = new JsonObject { ["street"] = "Storgata 1", ["postalCode"] = "0155", ["city"] = "Oslo", ["country"] = "NO" },
            ["category"] = "customer",
        },
        new JsonObject { ["phone"] = "+47 22 00 00 00", ["description"] = "Oppdatert av Tolk" },
        new Dictionary<string, string> { ["orgNr"] = "999888777" });

    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _server ??= await EmulatorServer.StartAsync(ctx => new CrmofficeEmulator(ctx),
                new EmulatorServerOptions { Port = 0, Sample = SampleOptions.Small });
        }
        finally
        {
            _gate.Release();
        }
    }

    public IConnector CreateConnector(bool badCredentials = false) => Create(badCredentials);

    /// <summary>A connector with the emulator's demo credentials, optionally with other options.</summary>
    public CrmofficeConnector Create(bool badCredentials = false, Func<CrmofficeOptions, CrmofficeOptions>? configure = null)
    {
        var options = new CrmofficeOptions
        {
            BaseUrl = Emulator.BaseUrl,
            ClientId = Emulator.Emulator.Credentials["client_id"],
            ClientSecret = badCredentials ? "not-the-secret" : Emulator.Emulator.Credentials["client_secret"],
            BaseBackoff = TimeSpan.FromMilliseconds(50),
        };
        return new CrmofficeConnector(configure?.Invoke(options) ?? options);
    }

    public static string Collection(string datatype) => EditFields[datatype].Collection;

    public async Task<IReadOnlySet<string>> ExpectedIdsAsync(string datatype) =>
        (await Emulator.Admin.ListAsync(Collection(datatype))).Select(r => (string)r["id"]!).ToHashSet(StringComparer.Ordinal);

    public async Task<PersonEdit> PersonEditAsync(string datatype)
    {
        var (collection, field) = EditFields[datatype];
        var id = (string)(await Emulator.Admin.ListAsync(collection))[0]["id"]!;
        var value = $"Endret {Guid.NewGuid():N}"[..20];
        await Emulator.Admin.EditAsync(collection, id, new JsonObject { [field] = value });
        return new PersonEdit(datatype, id, field, JsonValue.Create(value));
    }

    // A person cannot store a wrong type (the UI validates as the API does), so the stored API shape is changed in-process.
    public Task<(string Id, string Field)> CorruptRecordAsync(string datatype)
    {
        var table = Emulator.Emulator.Database.Find(Collection(datatype))!;
        var record = (JsonObject)table.All()[1].DeepClone();
        var field = datatype == "activity" ? "completed" : datatype == "contact" ? "givenName" : "name";
        record[field] = datatype == "activity" ? "yes" : 42;
        var id = (string)record["id"]!;
        table.Put(id, record, ChangeOrigin.Person);
        return Task.FromResult((id, field));
    }

    public async Task LowerRateLimitsAsync() =>
        await Emulator.Admin.SetSettingsAsync(new JsonObject { ["requestsPerSecond"] = 2 });

    public async Task<WebhookCase?> WebhookCaseAsync()
    {
        using var connector = Create();
        Assert.Null(await connector.RegisterWebhooksAsync(CallbackUrl, default));
        var secret = (string)(await Emulator.Admin.ListAsync("webhooks"))[^1]["secret"]!;
        var body = Encoding.UTF8.GetBytes("""{"event":"contacts.updated","id":"CT-000001","timestamp":"2026-01-05T10:00:00+01:00"}""");
        var signature = SigningHeaders.Sign(body, secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var headers = new Dictionary<string, string> { ["X-Crmoffice-Signature"] = signature };
        var tampered = Encoding.UTF8.GetBytes("""{"event":"contacts.updated","id":"CT-000002","timestamp":"2026-01-05T10:00:00+01:00"}""");
        return new WebhookCase(new WebhookRequest("POST", CallbackUrl, headers, body), new WebhookRequest("POST", CallbackUrl, headers, tampered));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _gate.Dispose();
    }
}
