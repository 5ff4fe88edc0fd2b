using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tolk.Custompms.Emulator;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Custompms.Tests.Emulator;

/// <summary>Starts a Custompms emulator on a free loopback port with a fake clock and the small sample.</summary>
public sealed class CustompmsFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public CustompmsFixture() : this(new FakeTimeProvider(Start))
    {
    }

    private CustompmsFixture(FakeTimeProvider time) => Time = time;

    public FakeTimeProvider Time { get; }

    /// <summary>The fake clock's now as Custompms writes timestamps (UTC, milliseconds).</summary>
    public string Now => Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The sample world the emulator was seeded from.</summary>
    public SampleWorld World { get; } = SampleWorld.Create(SampleOptions.Small);

    public RunningEmulator Server { get; private set; } = null!;

    internal CustompmsEmulator Emulator => (CustompmsEmulator)Server.Emulator;

    /// <summary>A client as a connector would configure it: the base URL and the demo key.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(ctx => new CustompmsEmulator(ctx),
            new EmulatorServerOptions { Time = Time, Sample = SampleOptions.Small });
        Api = Client(CustompmsEmulator.DemoApiKey);
        Anonymous = new HttpClient { BaseAddress = Server.BaseUrl };
        await RelaxRateLimitAsync();
    }

    public HttpClient Client(string apiKey) => new()
    {
        BaseAddress = Server.BaseUrl,
        DefaultRequestHeaders = { { "X-Api-Key", apiKey } },
    };

    /// <summary>
    /// Fresh small sample data of seed 42 (a test may have reseeded with another seed or size) and default settings, then a rate limit high enough for tests that do not study it: the
    /// fake clock stands still, so the real 5 per second would otherwise be used up within a test.
    /// </summary>
    public async Task ResetAsync()
    {
        await Server.Admin.ResetAsync(new ResetRequest(Seed: SampleOptions.Small.Seed, Size: "small"));
        await RelaxRateLimitAsync();
    }

    /// <summary>A second fixture on the same clock, its emulator restarted from this one's snapshot (this one keeps running).</summary>
    public async Task<CustompmsFixture> RestartAsync()
    {
        var restarted = new CustompmsFixture(Time);
        restarted.Server = await Tolk.Connectors.Compliance.EmulatorRestart.RestartAsync(Server, ctx => new CustompmsEmulator(ctx), Time);
        restarted.Api = restarted.Client(CustompmsEmulator.DemoApiKey);
        restarted.Anonymous = new HttpClient { BaseAddress = restarted.Server.BaseUrl };
        // Settings are configuration, not state: the restarted emulator starts from the defaults.
        await restarted.RelaxRateLimitAsync();
        return restarted;
    }

    private Task<JsonObject> RelaxRateLimitAsync() => Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 100_000 });

    public async Task DisposeAsync()
    {
        Api.Dispose();
        Anonymous.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Resets the emulator before each test of a class, so tests never depend on the order they run in.</summary>
public abstract class CustompmsTests(CustompmsFixture fixture) : IClassFixture<CustompmsFixture>, IAsyncLifetime
{
    protected CustompmsFixture Fixture { get; } = fixture;

    protected HttpClient Api => Fixture.Api;

    public virtual Task InitializeAsync() => Fixture.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
