using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tolk.Crmoffice.Emulator;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Crmoffice.Tests.Emulator;

/// <summary>Starts the Crmoffice emulator on a free loopback port with a fake clock (a winter Monday, 10:00 in Oslo).</summary>
public sealed class CrmofficeFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public CrmofficeFixture() : this(new FakeTimeProvider(Start))
    {
    }

    private CrmofficeFixture(FakeTimeProvider time) => Time = time;

    public FakeTimeProvider Time { get; }

    public RunningEmulator Server { get; private set; } = null!;

    public CrmApi Api { get; private set; } = null!;

    internal CrmofficeEmulator Emulator => (CrmofficeEmulator)Server.Emulator;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(ctx => new CrmofficeEmulator(ctx),
            new EmulatorServerOptions { Time = Time, Sample = SampleOptions.Small });
        Api = new CrmApi(new HttpClient { BaseAddress = Server.BaseUrl });
    }

    /// <summary>
    /// Back to fresh sample data and default settings, with a new token. The rate limit is lifted unless
    /// <paramref name="realLimits"/>: most tests make more than ten calls without moving the clock.
    /// </summary>
    public async Task ResetAsync(bool realLimits = false)
    {
        await Server.Admin.ResetAsync(new ResetRequest(SampleOptions.Small.Seed, "small"));
        if (!realLimits)
        {
            await Server.Admin.SetSettingsAsync(new JsonObject { ["requestsPerSecond"] = 1_000_000 });
        }
        await Api.AuthorizeAsync();
    }

    /// <summary>
    /// A second fixture on the same clock, its emulator restarted from this one's snapshot (this one keeps running). Its
    /// client holds no token yet; the rate limit is lifted again, as settings are not state a restart keeps.
    /// </summary>
    public async Task<CrmofficeFixture> RestartAsync()
    {
        var restarted = new CrmofficeFixture(Time);
        restarted.Server = await Tolk.Connectors.Compliance.EmulatorRestart.RestartAsync(Server, ctx => new CrmofficeEmulator(ctx), Time);
        restarted.Api = new CrmApi(new HttpClient { BaseAddress = restarted.Server.BaseUrl });
        await restarted.Server.Admin.SetSettingsAsync(new JsonObject { ["requestsPerSecond"] = 1_000_000 });
        return restarted;
    }

    /// <summary>The clock's time as Crmoffice writes it (computed here independently of the emulator).</summary>
    public string Now => Oslo(Time.GetUtcNow());

    public static string Oslo(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"))
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A plain HTTP client for the Crmoffice API, as a connector would use it.</summary>
public sealed class CrmApi(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public string? Token { get; set; }

    public async Task<string> AuthorizeAsync()
    {
        var response = await TokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = CrmofficeEmulator.DemoClientId,
            ["client_secret"] = CrmofficeEmulator.DemoClientSecret,
        });
        Assert.Equal(200, response.Status);
        Token = (string)response.Body!["access_token"]!;
        return Token;
    }

    public async Task<ApiResponse> TokenAsync(Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync("oauth/token", content);
        return await ApiResponse.ReadAsync(response);
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResponse> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body.ToJsonString());

    public Task<ApiResponse> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body.ToJsonString());

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json", string? token = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if ((token ?? Token) is { } t)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await Http.SendAsync(request);
        return await ApiResponse.ReadAsync(response);
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A response read in full: status, parsed body, headers.</summary>
public sealed record ApiResponse(int Status, JsonNode? Body, string Raw, string? ContentType, Dictionary<string, string> Headers)
{
    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        JsonNode? body = null;
        if (raw.Length > 0)
        {
            body = JsonNode.Parse(raw);
        }
        return new((int)response.StatusCode, body, raw, response.Content.Headers.ContentType?.MediaType, headers);
    }

    public JsonObject Json => Assert.IsType<JsonObject>(Body);

    /// <summary>Asserts Crmoffice's error body: JSON with exactly error, message and details, and the given status and code.</summary>
    public JsonArray AssertError(int status, string error)
    {
        Assert.True(status == Status, $"expected {status}, got {Status}: {Raw}");
        Assert.Equal("application/json", ContentType);
        var body = Json;
        Assert.Equal(["details", "error", "message"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(error, (string?)body["error"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]));
        var details = Assert.IsType<JsonArray>(body["details"]);
        foreach (var detail in details)
        {
            Assert.Equal(["field", "message"], detail!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        }
        return details;
    }

    /// <summary>Asserts a 400 validation error naming <paramref name="field"/>.</summary>
    public void AssertInvalidField(string field)
    {
        var details = AssertError(400, "validation_error");
        Assert.Contains(details, d => (string?)d!["field"] == field);
    }
}
