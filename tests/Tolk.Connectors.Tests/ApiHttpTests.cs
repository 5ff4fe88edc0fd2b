using System.Net;
using Tolk.Connectors.Http;

namespace Tolk.Connectors.Tests;

public sealed class ApiHttpTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;
    private readonly CredentialGuard _guard = new();

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpClient Client(int permits = 100, TimeSpan? window = null) => ApiHttp.Create(new ApiClientOptions
    {
        System = "testsys",
        BaseUrl = _server.BaseUrl,
        PacingPermits = permits,
        PacingWindow = window ?? TimeSpan.FromSeconds(10),
        BaseBackoff = TimeSpan.FromMilliseconds(1),
    }, _guard);

    [Fact]
    public async Task a_429_is_retried_after_the_retry_after_the_api_asked_for()
    {
        _server.Then(429, retryAfter: "1");
        using var http = Client();
        using var response = await http.GetAsync("things");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var times = _server.Received.Select(r => r.At).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"retried after {times[1] - times[0]}");
    }

    [Fact]
    public async Task a_5xx_on_a_read_is_retried()
    {
        _server.Then(503);
        _server.Then(500);
        using var http = Client();
        using var response = await http.GetAsync("things");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _server.Received.Count);
    }

    [Fact]
    public async Task a_5xx_on_a_create_is_not_repeated_because_it_may_have_been_applied()
    {
        _server.Then(503);
        using var http = Client();
        using var response = await http.PostAsync("things", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(_server.Received);
    }

    [Fact]
    public async Task a_create_with_an_idempotency_key_is_safe_to_repeat()
    {
        _server.Then(503);
        using var http = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "things") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", "k1");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Received.Count);
    }

    [Fact]
    public async Task a_lost_create_response_surfaces_to_the_caller_without_a_second_post()
    {
        _server.ThenDropConnection();
        using var http = Client();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("things", new StringContent("{}")));
        Assert.Single(_server.Received);
    }

    [Fact]
    public async Task a_429_on_a_create_is_retried_because_the_api_refused_it_outright()
    {
        _server.Then(429, retryAfter: "0");
        using var http = Client();
        using var response = await http.PostAsync("things", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Received.Count);
    }

    [Fact]
    public async Task rejected_credentials_stop_every_further_call_with_one_clear_reason()
    {
        _server.Then(401);
        using var http = Client();
        using var first = await http.GetAsync("things");
        using var second = await http.GetAsync("things");
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Single(_server.Received);
        Assert.StartsWith("credentials rejected for testsys", _guard.Rejected, StringComparison.Ordinal);
        _guard.Reset();
        using var third = await http.GetAsync("things");
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task pacing_keeps_requests_under_the_window_limit()
    {
        var window = TimeSpan.FromMilliseconds(600);
        using var http = Client(permits: 2, window: window);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => (await http.GetAsync("things")).Dispose()));
        var times = _server.Received.Select(r => r.At).Order().ToList();
        Assert.Equal(6, times.Count);
        // Any three consecutive requests span more than one window minus a segment (the limiter's granularity).
        for (var i = 0; i + 2 < times.Count; i++)
        {
            Assert.True(times[i + 2] - times[i] >= window - window / 10 - TimeSpan.FromMilliseconds(20),
                $"requests {i}..{i + 2} within {times[i + 2] - times[i]}");
        }
    }
}
