using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;
using Tolk.Trello.Emulator;

namespace Tolk.Trello.Tests.Emulator;

/// <summary>Starts the Trello emulator on a free loopback port with a fake clock, and calls it as a Trello client would.</summary>
public sealed class TrelloFixture : IAsyncLifetime
{
    public TrelloFixture() : this(new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)))
    {
    }

    private TrelloFixture(FakeTimeProvider time) => Time = time;

    public FakeTimeProvider Time { get; }

    public RunningEmulator Server { get; private set; } = null!;

    internal TrelloEmulator Trello => (TrelloEmulator)Server.Emulator;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(ctx => new TrelloEmulator(ctx),
            new EmulatorServerOptions { Time = Time, Sample = SampleOptions.Small });
        Http = new HttpClient { BaseAddress = Server.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A second fixture on the same clock, its emulator restarted from this one's snapshot (this one keeps running).</summary>
    public async Task<TrelloFixture> RestartAsync()
    {
        var restarted = new TrelloFixture(Time);
        restarted.Server = await Tolk.Connectors.Compliance.EmulatorRestart.RestartAsync(Server, ctx => new TrelloEmulator(ctx), Time);
        restarted.Http = new HttpClient { BaseAddress = restarted.Server.BaseUrl };
        return restarted;
    }

    /// <summary>Back to the seeded data, default settings and no faults.</summary>
    public Task ResetAsync() => Server.Admin.ResetAsync();

    /// <summary>Sends a request with key and token in the query string, the way most Trello clients do.</summary>
    public async Task<TrelloReply> SendAsync(HttpMethod method, string path, JsonObject? body = null, string token = TrelloEmulator.ApiToken,
        string key = TrelloEmulator.ApiKey)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var request = new HttpRequestMessage(method, $"{path}{separator}key={key}&token={token}");
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        return await TrelloReply.ReadAsync(await Http.SendAsync(request));
    }

    public Task<TrelloReply> GetAsync(string path, string token = TrelloEmulator.ApiToken) => SendAsync(HttpMethod.Get, path, token: token);

    public Task<TrelloReply> PostAsync(string path, JsonObject? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<TrelloReply> PutAsync(string path, JsonObject? body = null) => SendAsync(HttpMethod.Put, path, body);

    public Task<TrelloReply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>A request exactly as given (no credentials added), for auth and malformed-body tests.</summary>
    public async Task<TrelloReply> RawAsync(HttpRequestMessage request) => await TrelloReply.ReadAsync(await Http.SendAsync(request));

    /// <summary>The first seeded organization as the API shows it.</summary>
    public async Task<JsonObject> FirstOrganizationAsync() =>
        (JsonObject)(await GetAsync("members/me/organizations")).Array[0]!;

    /// <summary>The id of a seeded board, read through the admin channel so no API call is spent.</summary>
    public async Task<string> FirstBoardIdAsync(int index = 0) =>
        (string)(await Server.Admin.ListAsync("boards"))[index]["id"]!;

    /// <summary>The first seeded board, its lists and its cards.</summary>
    public async Task<(JsonObject Board, JsonArray Lists, JsonArray Cards)> FirstBoardAsync()
    {
        var org = await FirstOrganizationAsync();
        var board = (JsonObject)(await GetAsync($"organizations/{org["id"]}/boards")).Array[0]!;
        var lists = (await GetAsync($"boards/{board["id"]}/lists")).Array;
        var cards = (await GetAsync($"boards/{board["id"]}/cards")).Array;
        return (board, lists, cards);
    }
}

/// <summary>A Trello response read in full: status, headers, content type and body (JSON or plain text).</summary>
public sealed record TrelloReply(int Status, string Body, string? ContentType, HttpResponseHeaders Headers)
{
    public static async Task<TrelloReply> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return new TrelloReply((int)response.StatusCode, await response.Content.ReadAsStringAsync(),
                response.Content.Headers.ContentType?.MediaType, response.Headers);
        }
    }

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("null body");

    public JsonObject Obj => (JsonObject)Json;

    public JsonArray Array => (JsonArray)Json;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.First() : null;
}
