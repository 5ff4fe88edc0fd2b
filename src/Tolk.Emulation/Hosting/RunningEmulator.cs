using Microsoft.AspNetCore.Builder;
using Tolk.Emulation.Admin;

namespace Tolk.Emulation.Hosting;

/// <summary>An emulator serving on a loopback port. Dispose it to stop the server and its webhook deliveries.</summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _webhookHttp;
    private readonly HttpClient _adminHttp;

    internal RunningEmulator(SystemEmulator emulator, WebApplication app, Uri hostUrl, HttpClient webhookHttp)
    {
        Emulator = emulator;
        _app = app;
        _webhookHttp = webhookHttp;
        HostUrl = hostUrl;
        BaseUrl = new Uri(hostUrl.ToString().TrimEnd('/') + emulator.ApiPrefix + "/");
        _adminHttp = new HttpClient { BaseAddress = new Uri(hostUrl, HttpContextExtensions.AdminPrefix + "/") };
        Admin = new EmulatorAdminClient(_adminHttp);
    }

    /// <summary>The emulator itself, for in-process inspection.</summary>
    public SystemEmulator Emulator { get; }

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:7101/</c>.</summary>
    public Uri HostUrl { get; }

    /// <summary>The API's base URL (host plus the system's prefix, with a trailing slash), as a connector is configured with.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A client for the admin side channel.</summary>
    public EmulatorAdminClient Admin { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Emulator.Context.Webhooks.DisposeAsync();
        _webhookHttp.Dispose();
        _adminHttp.Dispose();
    }
}
