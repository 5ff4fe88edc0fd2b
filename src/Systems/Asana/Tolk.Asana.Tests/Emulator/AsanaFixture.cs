using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Tolk.Asana.Emulator;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Asana.Tests.Emulator;

/// <summary>Starts an Asana emulator on a free loopback port with a fake clock, and clients with and without tokens.</summary>
public sealed class AsanaFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public RunningEmulator Server { get; private set; } = null!;

    public AsanaEmulator Asana => (AsanaEmulator)Server.Emulator;

    /// <summary>A client with the demo personal access token, as a connector would be configured.</summary>
    public AsanaClient Api { get; private set; } = null!;

    /// <summary>A client with the second user's token.</summary>
    public AsanaClient Other { get; private set; } = null!;

    /// <summary>A client without any token.</summary>
    public AsanaClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(ctx => new AsanaEmulator(ctx), new EmulatorServerOptions { Time = Time, Sample = SampleOptions.Small });
        Api = new AsanaClient(Server.BaseUrl, AsanaEmulator.PersonalAccessToken);
        Other = new AsanaClient(Server.BaseUrl, AsanaEmulator.OtherUserAccessToken);
        Anonymous = new AsanaClient(Server.BaseUrl, null);
        await RoomyLimitsAsync();
    }

    /// <summary>Back to freshly seeded small data, default settings and no faults (a reset keeps the last size otherwise).</summary>
    public async Task ResetAsync()
    {
        await Server.Admin.ResetAsync(new ResetRequest(Seed: 42, Size: "small"));
        await RoomyLimitsAsync();
    }

    /// <summary>Back to Asana's own limits (150 a minute), for the tests that are about them.</summary>
    public async Task DefaultLimitsAsync() => await Server.Admin.ResetAsync(new ResetRequest(Seed: 42, Size: "small"));

    // Most tests make hundreds of calls within one minute of fake time; only the rate-limit tests want Asana's 150.
    private async Task RoomyLimitsAsync() => await Server.Admin.SetSettingsAsync(new System.Text.Json.Nodes.JsonObject { ["rateLimitPerMinute"] = 1_000_000 });

    public async Task DisposeAsync()
    {
        Api.Dispose();
        Other.Dispose();
        Anonymous.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A plain HTTP client that talks to the emulator as a client of the real API would.</summary>
public sealed class AsanaClient : IDisposable
{
    private readonly HttpClient _http;

    public AsanaClient(Uri baseUrl, string? token)
    {
        _http = new HttpClient { BaseAddress = baseUrl };
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public HttpClient Http => _http;

    /// <summary>A write body: <c>{"data": ...}</c>.</summary>
    public static string Data(object data) => System.Text.Json.JsonSerializer.Serialize(new { data });

    public Task<AsanaResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<AsanaResponse> PostAsync(string path, string? json) => SendAsync(HttpMethod.Post, path, json);

    public Task<AsanaResponse> PutAsync(string path, string? json) => SendAsync(HttpMethod.Put, path, json);

    public Task<AsanaResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<AsanaResponse> SendAsync(HttpMethod method, string path, string? json, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await _http.SendAsync(request);
        return await AsanaResponse.ReadAsync(response);
    }

    public void Dispose() => _http.Dispose();
}
