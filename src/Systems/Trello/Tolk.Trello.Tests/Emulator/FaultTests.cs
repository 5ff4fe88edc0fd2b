using Tolk.Emulation.Faults;

namespace Tolk.Trello.Tests.Emulator;

public sealed class FaultTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task an_injected_server_error_is_plain_text_with_the_rate_headers()
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 503));
        var reply = await fixture.GetAsync("members/me");
        Assert.Equal(503, reply.Status);
        Assert.Equal("text/plain", reply.ContentType);
        Assert.Equal("Service Unavailable", reply.Body);
        Assert.NotNull(reply.Header("x-rate-limit-api-token-remaining"));
    }

    [Fact]
    public async Task an_injected_429_looks_like_trellos_and_has_no_retry_after()
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 429, RetryAfterSeconds: 5));
        var reply = await fixture.GetAsync("members/me");
        Assert.Equal(429, reply.Status);
        Assert.Equal("API_TOKEN_LIMIT_EXCEEDED", (string?)reply.Obj["error"]);
        Assert.Null(reply.Header("Retry-After"));
    }

    [Fact]
    public async Task a_dropped_response_still_applies_the_write()
    {
        var (_, lists, _) = await fixture.FirstBoardAsync();
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Path: "/1/cards", Nth: 1));
        await Assert.ThrowsAsync<HttpRequestException>(() => fixture.PostAsync($"cards?idList={lists[0]!["id"]}&name=Lost%20answer"));
        var cards = (await fixture.GetAsync($"lists/{lists[0]!["id"]}/cards")).Array;
        Assert.Contains("Lost answer", cards.Select(c => (string?)c!["name"]));
    }
}
