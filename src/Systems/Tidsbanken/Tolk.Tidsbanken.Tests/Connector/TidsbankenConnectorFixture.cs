using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Connectors.Compliance;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;
using Tolk.Tidsbanken.Emulator;

namespace Tolk.Tidsbanken.Tests.Connector;

/// <summary>The Tidsbanken emulator in-process on a free port (real time: the connector needs no controlled clock),
/// and connectors configured against it exactly as against the real service.</summary>
public sealed class TidsbankenConnectorFixture : IConnectorFixture
{
    private readonly SemaphoreSlim _start = new(1, 1);
    private readonly ConcurrentBag<TidsbankenConnector> _connectors = [];
    private RunningEmulator? _server;

    /// <inheritdoc />
    public RunningEmulator Emulator => _server ?? throw new InvalidOperationException("StartAsync first");

    internal TidsbankenEmulator Tidsbanken => (TidsbankenEmulator)Emulator.Emulator;

    /// <inheritdoc />
    public IReadOnlyList<string> ReadDatatypes { get; } = ["kunde", "ansatt", "prosjekt"];

    /// <inheritdoc />
    public WriteCase WriteCase { get; } = new("kunde",
        new JsonObject { ["Navn"] = "Tolk Testkunde AS", ["Organisasjonsnummer"] = "998877665", ["Epost"] = "post@testkunde.no", ["Telefon"] = null },
        new JsonObject { ["Telefon"] = "+47 22 33 44 55", ["Poststed"] = "Bergen" },
        new Dictionary<string, string> { ["Organisasjonsnummer"] = "998877665" });

    /// <inheritdoc />
    public async Task StartAsync()
    {
        await _start.WaitAsync();
        try
        {
            _server ??= await EmulatorServer.StartAsync(ctx => new TidsbankenEmulator(ctx), new EmulatorServerOptions { Sample = SampleOptions.Small });
        }
        finally
        {
            _start.Release();
        }
    }

    /// <summary>Options for the emulator; small pages, so reads span several.</summary>
    public TidsbankenOptions Options(bool badCredentials = false) => new()
    {
        BaseUrl = Emulator.BaseUrl,
        TbKey = badCredentials ? "not-the-key" : TidsbankenEmulator.DemoTbKey,
        SubscriptionKey = TidsbankenEmulator.DemoSubscriptionKey,
        PageSize = 5,
    };

    /// <inheritdoc />
    public IConnector CreateConnector(bool badCredentials = false) => Create(Options(badCredentials));

    /// <summary>A connector with options of the test's choosing.</summary>
    public TidsbankenConnector Create(TidsbankenOptions options)
    {
        var connector = new TidsbankenConnector(options);
        _connectors.Add(connector);
        return connector;
    }

    /// <summary>The emulator's collection for a datatype.</summary>
    public static string Collection(string datatype) => datatype switch
    {
        "kunde" => "Kunde",
        "ansatt" => "Ansatt",
        "prosjekt" => "Prosjekt",
        _ => throw new ArgumentOutOfRangeException(nameof(datatype), datatype, null),
    };

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ExpectedIdsAsync(string datatype) =>
        (await Emulator.Admin.ListAsync(Collection(datatype))).Select(r => IdOf(r)).ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<PersonEdit> PersonEditAsync(string datatype)
    {
        var id = (await ExpectedIdsAsync(datatype)).Order(StringComparer.Ordinal).First();
        var (field, value) = datatype switch
        {
            "kunde" => ("Telefon", "400 " + Guid.NewGuid().ToString("N")[..5]),
            "ansatt" => ("Tittel", "Fagleder " + Guid.NewGuid().ToString("N")[..5]),
            _ => ("Notat", "Endret " + Guid.NewGuid().ToString("N")[..5]),
        };
        await Emulator.Admin.EditAsync(Collection(datatype), id, new JsonObject { [field] = value });
        return new PersonEdit(datatype, id, field, JsonValue.Create(value));
    }

    /// <inheritdoc />
    public async Task<(string Id, string Field)> CorruptRecordAsync(string datatype)
    {
        // A person's edit is validated like the API's, so the bad value goes straight into the stored API shape.
        var id = (await ExpectedIdsAsync(datatype)).Order(StringComparer.Ordinal).First();
        var table = Tidsbanken.Database.Find(Collection(datatype))!;
        var record = table.Get(id)!;
        record["Navn"] = 42;
        table.Put(id, record, ChangeOrigin.Person);
        return (id, "Navn");
    }

    /// <inheritdoc />
    public async Task LowerRateLimitsAsync() => await Emulator.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 2 });

    /// <inheritdoc />
    public Task<WebhookCase?> WebhookCaseAsync() => Task.FromResult<WebhookCase?>(null);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var connector in _connectors)
        {
            connector.Dispose();
        }
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _start.Dispose();
    }

    private static string IdOf(JsonObject record) => record["Id"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        ? v.GetValue<int>().ToString(CultureInfo.InvariantCulture)
        : (string)record["Id"]!;
}
