using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tolk.Asana.Emulator;
using Tolk.Asana.Emulator.Internal;
using Tolk.Connectors;
using Tolk.Connectors.Compliance;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Asana.Tests.Connector;

/// <summary>
/// The Asana emulator in-process, and connectors configured against it as they would be against app.asana.com. The
/// emulator's clock is fake and runs a hundred times faster than the wall clock, so Asana's one-minute rate window and
/// its Retry-After waits pass in well under a second; connectors wait on the same clock.
/// </summary>
public sealed class AsanaConnectorFixture : IConnectorFixture
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private RunningEmulator? _emulator;
    private Task? _clock;
    private ConnectorWebhookReceiver? _receiver;

    /// <summary>The emulator's and the connectors' clock.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Webhook secrets as the engine's secret store would keep them.</summary>
    public ConcurrentDictionary<string, string> SavedSecrets { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public RunningEmulator Emulator => _emulator ?? throw new InvalidOperationException("StartAsync first");

    /// <summary>The emulator itself, for in-process changes the admin channel refuses.</summary>
    public AsanaEmulator Asana => (AsanaEmulator)Emulator.Emulator;

    /// <inheritdoc />
    public IReadOnlyList<string> ReadDatatypes { get; } = ["task", "project", "team", "user", "workspace"];

    /// <inheritdoc />
    public WriteCase WriteCase => new("task",
        new JsonObject { ["name"] = "Skriv kontrakt", ["notes"] = "Fra Tolk", ["projects"] = new JsonArray(FirstProject) },
        new JsonObject { ["name"] = "Skriv kontrakt (signert)", ["completed"] = true });

    /// <summary>The first project of the demo organization.</summary>
    public static string FirstProject => Gids.For(ResourceTypes.Project, 0);

    /// <inheritdoc />
    public async Task StartAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (_emulator is null)
            {
                _emulator = await EmulatorServer.StartAsync(ctx => new AsanaEmulator(ctx), new EmulatorServerOptions { Time = Time, Sample = SampleOptions.Small });
                _clock = RunClockAsync(_stop.Token);
            }
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <inheritdoc />
    public IConnector CreateConnector(bool badCredentials = false) => Create(badCredentials);

    /// <summary>A connector against the emulator, with options adjusted by <paramref name="adjust"/>.</summary>
    public AsanaConnector Create(bool badCredentials = false, Func<AsanaOptions, AsanaOptions>? adjust = null)
    {
        var options = new AsanaOptions
        {
            BaseUrl = Emulator.BaseUrl,
            PersonalAccessToken = badCredentials ? "2/0/0:not-a-token" : Emulator.Emulator.Credentials["personal_access_token"],
            // The emulator's clock runs fast: its limits (not the wall clock's) are what the connector must respect here.
            RequestsPerMinute = 100_000,
            AttemptTimeout = TimeSpan.FromHours(1),
            ReconcileInterval = TimeSpan.FromDays(7),
            WebhookSecrets = SavedSecrets,
            SaveWebhookSecret = (gid, secret, _) =>
            {
                SavedSecrets[gid] = secret;
                return Task.CompletedTask;
            },
        };
        return new AsanaConnector(adjust?.Invoke(options) ?? options, Time);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ExpectedIdsAsync(string datatype) =>
        (await Emulator.Admin.ListAsync(datatype + "s")).Select(r => (string)r["gid"]!).ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<PersonEdit> PersonEditAsync(string datatype)
    {
        var id = (string)(await Emulator.Admin.ListAsync(datatype + "s"))[0]["gid"]!;
        var name = $"Endret {Guid.NewGuid():N}"[..20];
        await Emulator.Admin.EditAsync(datatype + "s", id, new JsonObject { ["name"] = name });
        return new PersonEdit(datatype, id, "name", JsonValue.Create(name));
    }

    /// <inheritdoc />
    public Task<(string Id, string Field)> CorruptRecordAsync(string datatype)
    {
        // A person cannot give a name the wrong JSON type, so the stored API shape is changed in-process.
        var table = Asana.Database.Find(datatype + "s")!;
        var record = table.All()[1];
        var id = (string)record["gid"]!;
        var corrupt = (JsonObject)record.DeepClone();
        corrupt["name"] = 42;
        table.Put(id, corrupt, ChangeOrigin.Api);
        return Task.FromResult((id, "name"));
    }

    /// <inheritdoc />
    public async Task LowerRateLimitsAsync() =>
        await Emulator.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerMinute"] = 20 });

    /// <inheritdoc />
    public async Task<WebhookCase?> WebhookCaseAsync()
    {
        var receiver = await ReceiverAsync();
        using var registrar = Create();
        receiver.Target = registrar;
        var failure = await registrar.RegisterWebhooksAsync(receiver.Url, default);
        Assert.Null(failure);
        receiver.Deliveries.Clear();
        await PersonEditAsync("task");
        var delivery = await receiver.NextDeliveryAsync();
        var tampered = (byte[])delivery.Body.Clone();
        tampered[^3] ^= 0x01;
        return new WebhookCase(delivery, delivery with { Body = tampered });
    }

    /// <summary>The loopback webhook target, started on first use.</summary>
    public async Task<ConnectorWebhookReceiver> ReceiverAsync() => _receiver ??= await ConnectorWebhookReceiver.StartAsync();

    // A hundred times the wall clock: Asana's minute-long windows pass in 0.6 s.
    private async Task RunClockAsync(CancellationToken stop)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (await tick.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_clock is not null)
        {
            await _clock.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
        _stop.Dispose();
        _starting.Dispose();
    }
}
