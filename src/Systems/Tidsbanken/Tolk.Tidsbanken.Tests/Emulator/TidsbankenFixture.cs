using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;
using Tolk.Tidsbanken.Emulator;

namespace Tolk.Tidsbanken.Tests.Emulator;

/// <summary>Starts the Tidsbanken emulator on a free loopback port with a fake clock, and talks to it as a client would.</summary>
public sealed class TidsbankenFixture : IAsyncLifetime
{
    /// <summary>Where the fake clock starts; seeded times are relative to it.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public TidsbankenFixture() : this(new FakeTimeProvider(Start))
    {
    }

    private TidsbankenFixture(FakeTimeProvider time) => Time = time;

    public FakeTimeProvider Time { get; }

    public RunningEmulator Server { get; private set; } = null!;

    internal TidsbankenEmulator Emulator => (TidsbankenEmulator)Server.Emulator;

    /// <summary>A client with no headers set, for authentication tests.</summary>
    public HttpClient Raw { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(ctx => new TidsbankenEmulator(ctx), new EmulatorServerOptions { Time = Time, Sample = SampleOptions.Small });
        Raw = new HttpClient { BaseAddress = Server.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Raw.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A second fixture on the same clock, its emulator restarted from this one's snapshot (this one keeps running).</summary>
    public async Task<TidsbankenFixture> RestartAsync()
    {
        var restarted = new TidsbankenFixture(Time);
        restarted.Server = await Tolk.Connectors.Compliance.EmulatorRestart.RestartAsync(Server, ctx => new TidsbankenEmulator(ctx), Time);
        restarted.Raw = new HttpClient { BaseAddress = restarted.Server.BaseUrl };
        return restarted;
    }

    /// <summary>Back to freshly seeded data, with the rate limit lifted unless a test lowers it again.</summary>
    /// <remarks>The fake clock cannot go back, so it keeps running across the tests of a class; tests read it.</remarks>
    public async Task ResetAsync(bool empty = false)
    {
        // Seed and size explicitly: a test that reseeds at another size must not leave it for the next one.
        await Server.Admin.ResetAsync(new ResetRequest(Seed: SampleOptions.Small.Seed, Size: "small", Empty: empty));
        await Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 1_000_000 });
    }

    /// <summary>Sends a request with the three headers every Tidsbanken call needs (unless <paramref name="headers"/> replaces them).</summary>
    public async Task<ApiResult> SendAsync(HttpMethod method, string path, string? json = null,
        IReadOnlyDictionary<string, string?>? headers = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["tb-key"] = TidsbankenEmulator.DemoTbKey,
            ["Ocp-Apim-Subscription-Key"] = TidsbankenEmulator.DemoSubscriptionKey,
            ["x-api-version"] = "3.0",
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string?>())
        {
            all[name] = value;
        }
        foreach (var (name, value) in all.Where(h => h.Value is not null))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await Raw.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (text.Length > 0)
        {
            body = JsonNode.Parse(text);
        }
        return new ApiResult(response.StatusCode, body, text, response.Content.Headers.ContentType?.MediaType,
            response.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase)
                .Concat(response.Content.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value)))
                .ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The clock as Tidsbanken writes its timestamps.</summary>
    public string Now => Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public Task<ApiResult> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResult> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<ApiResult> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json);

    /// <summary>The entities of a successful collection response.</summary>
    public async Task<List<JsonObject>> ListAsync(string path)
    {
        var result = await GetAsync(path);
        Assert.True(result.Status == HttpStatusCode.OK, $"GET {path} → {(int)result.Status}: {result.Text}");
        return result.Values;
    }
}

/// <summary>A response as a test sees it: status, parsed body, raw text, media type and headers.</summary>
public sealed record ApiResult(HttpStatusCode Status, JsonNode? Body, string Text, string? MediaType, IReadOnlyDictionary<string, string> Headers)
{
    public List<JsonObject> Values => Body!["value"]!.AsArray().Select(v => v!.AsObject()).ToList();

    /// <summary>Asserts an OData error <c>{"error":{"code","message"}}</c> with this status; returns the message.</summary>
    public string AssertODataError(int status, string? code = null)
    {
        Assert.True((int)Status == status, $"expected {status}, got {(int)Status}: {Text}");
        Assert.Equal("application/json", MediaType);
        var error = Body!["error"]!.AsObject();
        Assert.Equal(new[] { "code", "message" }, error.Select(p => p.Key));
        if (code is not null)
        {
            Assert.Equal(code, (string?)error["code"]);
        }
        Assert.Single(Body.AsObject());
        return (string)error["message"]!;
    }

    /// <summary>Asserts the API gateway's error <c>{"statusCode","message"}</c>; returns the message.</summary>
    public string AssertGatewayError(int status)
    {
        Assert.True((int)Status == status, $"expected {status}, got {(int)Status}: {Text}");
        Assert.Equal("application/json", MediaType);
        Assert.Equal(new[] { "statusCode", "message" }, Body!.AsObject().Select(p => p.Key));
        Assert.Equal(status, (int)Body["statusCode"]!);
        return (string)Body["message"]!;
    }
}
