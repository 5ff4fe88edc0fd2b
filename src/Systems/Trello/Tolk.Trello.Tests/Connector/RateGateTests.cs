using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tolk.Trello.Internal;

namespace Tolk.Trello.Tests.Connector;

public sealed class RateGateTests
{
    private static readonly Uri Base = new("https://api.trello.example/1/");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Answers every request with the rate-limit headers it is told to, counting the calls.</summary>
    private sealed class Trello : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public Func<HttpRequestMessage, HttpResponseMessage> Answer { get; set; } = _ => Ok(100, 99);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(Answer(request));
        }
    }

    private static HttpResponseMessage Ok(int max, int remaining, int intervalMs = 10_000, string scope = "api-token") =>
        WithHeaders(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]") }, scope, max, remaining, intervalMs);

    private static HttpResponseMessage WithHeaders(HttpResponseMessage response, string scope, int max, int remaining, int intervalMs)
    {
        response.Headers.Add($"x-rate-limit-{scope}-interval-ms", intervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add($"x-rate-limit-{scope}-max", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add($"x-rate-limit-{scope}-remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    private (HttpMessageInvoker Invoker, Trello Trello) Gate(TimeSpan? maxWait = null)
    {
        var trello = new Trello();
        return (new HttpMessageInvoker(new TrelloRateGate(_time, maxWait ?? TimeSpan.FromMinutes(1), Base) { InnerHandler = trello }), trello);
    }

    private static Task<HttpResponseMessage> Get(HttpMessageInvoker invoker, string path) =>
        invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Base, path)), CancellationToken.None);

    [Fact]
    public async Task a_spent_window_holds_the_next_request_until_it_resets()
    {
        var (invoker, trello) = Gate();
        trello.Answer = _ => Ok(2, 1, 10_000);
        (await Get(invoker, "boards/x")).Dispose();
        trello.Answer = _ => Ok(2, 0, 10_000);
        (await Get(invoker, "boards/x")).Dispose();

        var held = Get(invoker, "boards/x");
        _time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        Assert.False(held.IsCompleted, "the window had not reset yet");
        Assert.Equal(2, trello.Calls);
        _time.Advance(TimeSpan.FromSeconds(1.1)); // the window, and the gate's 50 ms of slack past its estimated reset
        (await held.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(3, trello.Calls);
    }

    [Fact]
    public async Task a_429_without_retry_after_gets_the_wait_its_window_asks_for()
    {
        var (invoker, trello) = Gate();
        trello.Answer = _ => Ok(100, 99, 10_000);
        (await Get(invoker, "boards/x")).Dispose();
        _time.Advance(TimeSpan.FromSeconds(4));
        trello.Answer = _ => WithHeaders(new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Content = new StringContent("""{"error":"API_KEY_LIMIT_EXCEEDED","message":"Rate limit exceeded"}""", Encoding.UTF8, "application/json"),
        }, "api-key", 300, 0, 10_000);

        using var refused = await Get(invoker, "boards/x");

        // The key's window opened with the first request, 4 s before: 6 s of it are left.
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(6), refused.Headers.RetryAfter!.Delta!.Value);
    }

    [Fact]
    public async Task a_wait_longer_than_allowed_is_a_local_429_and_only_members_routes_wait_for_the_members_window()
    {
        var (invoker, trello) = Gate(maxWait: TimeSpan.FromSeconds(30));
        trello.Answer = _ => WithHeaders(Ok(100, 98), "member", 100, 0, 900_000);
        (await Get(invoker, "members/me/boards")).Dispose();

        using var local = await Get(invoker, "members/me/organizations");
        using var elsewhere = await Get(invoker, "boards/x/lists");
        using var batched = await Get(invoker, "batch?urls=%2Fboards%2Fx%2C%2Fmembers%2Fme");
        using var workspaceMembers = await Get(invoker, "batch?urls=%2Forganizations%2Fx%2Fmembers");

        Assert.Equal(HttpStatusCode.TooManyRequests, local.StatusCode);
        Assert.True(local.Headers.Contains(TrelloRateGate.LocalHeader));
        Assert.InRange(local.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, batched.StatusCode);
        Assert.Equal(HttpStatusCode.OK, workspaceMembers.StatusCode);
        Assert.Equal(3, trello.Calls);
    }

    [Fact]
    public async Task without_any_headers_the_documented_limit_of_100_per_10_seconds_holds()
    {
        var (invoker, trello) = Gate();
        trello.Answer = _ => new HttpResponseMessage(HttpStatusCode.OK);
        for (var i = 0; i < 100; i++)
        {
            (await Get(invoker, "boards/x")).Dispose();
        }
        var held = Get(invoker, "boards/x");
        await Task.Delay(50);
        Assert.False(held.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(10.1)); // the window, and the gate's 50 ms of slack
        (await held.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(101, trello.Calls);
    }
}
