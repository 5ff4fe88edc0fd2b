using Microsoft.Extensions.Time.Testing;
using Tolk.Emulation.Hosting;

namespace Tolk.Emulation.Tests;

/// <summary>Starts a <see cref="NotesEmulator"/> on a free loopback port with a fake clock.</summary>
public sealed class KernelFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public RunningEmulator Server { get; private set; } = null!;

    internal NotesEmulator Notes => (NotesEmulator)Server.Emulator;

    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(ctx => new NotesEmulator(ctx), new EmulatorServerOptions { Time = Time });
        Api = new HttpClient { BaseAddress = Server.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
    }
}
