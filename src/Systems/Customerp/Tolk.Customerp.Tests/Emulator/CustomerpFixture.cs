using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Tolk.Customerp.Emulator;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Customerp.Tests.Emulator;

/// <summary>Starts a Customerp emulator on a free loopback port with a fake clock and the small sample.</summary>
public sealed class CustomerpFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public CustomerpFixture() : this(new FakeTimeProvider(Start))
    {
    }

    private CustomerpFixture(FakeTimeProvider time) => Time = time;

    public FakeTimeProvider Time { get; }

    public RunningEmulator Server { get; private set; } = null!;

    internal CustomerpEmulator Emulator => (CustomerpEmulator)Server.Emulator;

    /// <summary>A client as a connector would configure it: the base URL and the demo token.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(ctx => new CustomerpEmulator(ctx),
            new EmulatorServerOptions { Time = Time, Sample = SampleOptions.Small });
        Api = Client(CustomerpEmulator.DemoApiToken);
        Anonymous = new HttpClient { BaseAddress = Server.BaseUrl };
    }

    public HttpClient Client(string token) => new()
    {
        BaseAddress = Server.BaseUrl,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    /// <summary>A second fixture on the same clock, its emulator restarted from this one's snapshot (this one keeps running).</summary>
    public async Task<CustomerpFixture> RestartAsync()
    {
        var restarted = new CustomerpFixture(Time);
        restarted.Server = await Tolk.Connectors.Compliance.EmulatorRestart.RestartAsync(Server, ctx => new CustomerpEmulator(ctx), Time);
        restarted.Api = restarted.Client(CustomerpEmulator.DemoApiToken);
        restarted.Anonymous = new HttpClient { BaseAddress = restarted.Server.BaseUrl };
        return restarted;
    }

    /// <summary>Fresh sample data and default settings, for tests that change state.</summary>
    public Task ResetAsync() => Server.Admin.ResetAsync();

    public async Task DisposeAsync()
    {
        Api.Dispose();
        Anonymous.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Resets the emulator before each test of a class that writes.</summary>
public abstract class WritingTests(CustomerpFixture fixture) : IClassFixture<CustomerpFixture>, IAsyncLifetime
{
    protected CustomerpFixture Fixture { get; } = fixture;

    protected HttpClient Api => Fixture.Api;

    public virtual Task InitializeAsync() => Fixture.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
