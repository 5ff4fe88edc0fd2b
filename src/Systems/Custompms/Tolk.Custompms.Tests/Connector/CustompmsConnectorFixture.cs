using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Connectors.Compliance;
using Tolk.Custompms.Emulator;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Custompms.Tests.Connector;

/// <summary>
/// A Custompms emulator in-process on a free loopback port (real clock: the connector's pacing and retries wait in
/// real time, and so must the emulator's rate window) and connectors configured against it as they would be in
/// production: base URL and API key from configuration, small pages so that reads span several of them.
/// </summary>
public sealed class CustompmsConnectorFixture : IConnectorFixture, IAsyncLifetime
{
    /// <summary>The collection of each datatype, the field a person edit changes, and the field a corruption breaks.</summary>
    private static readonly Dictionary<string, (string Collection, string EditField, string CorruptField)> Datatypes = new()
    {
        ["customer"] = ("customers", "phone", "name"),
        ["project"] = ("projects", "description", "name"),
        ["task"] = ("tasks", "description", "title"),
    };

    private readonly List<CustompmsConnector> _connectors = [];
    private readonly SemaphoreSlim _start = new(1, 1);
    private RunningEmulator? _emulator;

    /// <inheritdoc />
    public RunningEmulator Emulator => _emulator ?? throw new InvalidOperationException("the fixture has not started");

    /// <inheritdoc />
    public IReadOnlyList<string> ReadDatatypes { get; } = ["customer", "project", "task"];

    /// <summary>The page size the fixture's connectors use (small, so the sample spans several pages).</summary>
    public int PageSize { get; set; } = 3;

    /// <inheritdoc />
    public WriteCase WriteCase { get; } = new("customer",
        new JsonObject { ["name"] = "Tolk Rundtur AS", ["orgNumber"] = "999000111", ["email"] = "post@rundtur.no", ["phone"] = "+47 22 00 00 00" },
        new JsonObject { ["email"] = "faktura@rundtur.no", ["phone"] = null },
        new Dictionary<string, string> { ["orgNumber"] = "999000111" });

    /// <inheritdoc />
    public async Task StartAsync()
    {
        await _start.WaitAsync();
        try
        {
            _emulator ??= await EmulatorServer.StartAsync(ctx => new CustompmsEmulator(ctx),
                new EmulatorServerOptions { Sample = SampleOptions.Small });
        }
        finally
        {
            _start.Release();
        }
    }

    /// <inheritdoc />
    public IConnector CreateConnector(bool badCredentials = false) => Create(badCredentials);

    /// <summary>A connector with the fixture's options, with another page size, change limit or retry count when given.</summary>
    public CustompmsConnector Create(bool badCredentials = false, int? pageSize = null, int? maxRetries = null, int? changeLimit = null)
    {
        var connector = new CustompmsConnector(Options(badCredentials, pageSize, maxRetries, changeLimit));
        lock (_connectors)
        {
            _connectors.Add(connector);
        }
        return connector;
    }

    /// <summary>The options a deployment would configure: the emulator's base URL and its demo API key.</summary>
    public CustompmsOptions Options(bool badCredentials = false, int? pageSize = null, int? maxRetries = null, int? changeLimit = null) => new()
    {
        BaseUrl = Emulator.BaseUrl,
        ApiKey = badCredentials ? "cpms_not_a_valid_key" : Emulator.Emulator.Credentials["apiKey"],
        PageSize = pageSize ?? PageSize,
        MaxRetries = maxRetries ?? 5,
        ChangeLimit = changeLimit ?? 1000,
    };

    /// <summary>The collection a datatype is stored in.</summary>
    public static string CollectionOf(string datatype) => Datatypes[datatype].Collection;

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ExpectedIdsAsync(string datatype) =>
        (await Emulator.Admin.ListAsync(CollectionOf(datatype))).Select(r => r["id"]!.GetValue<string>()).ToHashSet();

    /// <inheritdoc />
    public async Task<PersonEdit> PersonEditAsync(string datatype)
    {
        var (collection, field, _) = Datatypes[datatype];
        var id = (await Emulator.Admin.ListAsync(collection))[0]["id"]!.GetValue<string>();
        return await PersonEditAsync(datatype, id, field);
    }

    /// <summary>Edits <paramref name="field"/> of one record as a person would, to a fresh value.</summary>
    public async Task<PersonEdit> PersonEditAsync(string datatype, string id, string? field = null)
    {
        field ??= Datatypes[datatype].EditField;
        var value = $"Edited {Guid.NewGuid():N}"[..20];
        await Emulator.Admin.EditAsync(CollectionOf(datatype), id, new JsonObject { [field] = value });
        return new PersonEdit(datatype, id, field, JsonValue.Create(value));
    }

    /// <inheritdoc />
    /// <remarks>In-process: the person-edit path validates like the API, so only the stored record can be made wrong.</remarks>
    public async Task<(string Id, string Field)> CorruptRecordAsync(string datatype)
    {
        var (collection, _, field) = Datatypes[datatype];
        var id = (await Emulator.Admin.ListAsync(collection))[1]["id"]!.GetValue<string>();
        var table = Emulator.Emulator.Database.Find(collection)!;
        var record = table.Get(id)!;
        record[field] = 12345;
        table.Put(id, record, ChangeOrigin.Person);
        return (id, field);
    }

    /// <inheritdoc />
    public async Task LowerRateLimitsAsync() =>
        await Emulator.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 2 });

    /// <inheritdoc />
    /// <remarks>Custompms has no webhooks: it has the change log instead.</remarks>
    public Task<WebhookCase?> WebhookCaseAsync() => Task.FromResult<WebhookCase?>(null);

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
