using System.Text.Json.Nodes;
using Tolk.Trello.Emulator;

namespace Tolk.Trello.Tests.Emulator;

public sealed class RateLimitTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<JsonObject> SetAsync(JsonObject settings) => fixture.Server.Admin.SetSettingsAsync(settings);

    [Fact]
    public async Task every_response_carries_token_and_key_limit_headers_and_never_retry_after()
    {
        var ok = await fixture.GetAsync("boards/0123456789abcdef01234567");
        Assert.Equal(404, ok.Status);
        Assert.Equal("10000", ok.Header("x-rate-limit-api-token-interval-ms"));
        Assert.Equal("100", ok.Header("x-rate-limit-api-token-max"));
        Assert.Equal("99", ok.Header("x-rate-limit-api-token-remaining"));
        Assert.Equal("10000", ok.Header("x-rate-limit-api-key-interval-ms"));
        Assert.Equal("300", ok.Header("x-rate-limit-api-key-max"));
        Assert.Equal("299", ok.Header("x-rate-limit-api-key-remaining"));
        Assert.Null(ok.Header("Retry-After"));
        var second = await fixture.GetAsync("members/me");
        Assert.Equal("98", second.Header("x-rate-limit-api-token-remaining"));
        Assert.Equal("900000", second.Header("x-rate-limit-member-interval-ms"));
    }

    [Fact]
    public async Task exceeding_the_token_limit_is_a_json_429_until_the_window_ends()
    {
        await SetAsync(new JsonObject { ["tokenLimit"] = 3 });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await fixture.GetAsync("members/me/boards")).Status);
        }
        var refused = await fixture.GetAsync("members/me/boards");
        Assert.Equal(429, refused.Status);
        Assert.Equal("application/json", refused.ContentType);
        Assert.Equal("API_TOKEN_LIMIT_EXCEEDED", (string?)refused.Obj["error"]);
        Assert.Equal("Rate limit exceeded", (string?)refused.Obj["message"]);
        Assert.Null(refused.Header("Retry-After"));
        Assert.Equal("0", refused.Header("x-rate-limit-api-token-remaining"));
        // The other token of the key has its own token window.
        Assert.Equal(200, (await fixture.GetAsync("members/me/boards", TrelloEmulator.SecondApiToken)).Status);
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(200, (await fixture.GetAsync("members/me/boards")).Status);
    }

    [Fact]
    public async Task the_key_limit_is_shared_by_all_tokens_of_the_key()
    {
        await SetAsync(new JsonObject { ["keyLimit"] = 4 });
        var board = await fixture.FirstBoardIdAsync();
        foreach (var token in new[] { TrelloEmulator.ApiToken, TrelloEmulator.ApiToken, TrelloEmulator.SecondApiToken, TrelloEmulator.SecondApiToken })
        {
            Assert.Equal(200, (await fixture.GetAsync($"boards/{board}", token)).Status);
        }
        var refused = await fixture.GetAsync("members/me", TrelloEmulator.SecondApiToken);
        Assert.Equal(429, refused.Status);
        Assert.Equal("API_KEY_LIMIT_EXCEEDED", (string?)refused.Obj["error"]);
        Assert.Equal("0", refused.Header("x-rate-limit-api-key-remaining"));
    }

    [Fact]
    public async Task the_members_path_has_its_own_long_window()
    {
        await SetAsync(new JsonObject { ["membersLimit"] = 2 });
        Assert.Equal(200, (await fixture.GetAsync("members/me")).Status);
        Assert.Equal(200, (await fixture.GetAsync("members/me/boards")).Status);
        var refused = await fixture.GetAsync("members/me/organizations");
        Assert.Equal(429, refused.Status);
        Assert.Equal("MEMBER_LIMIT_EXCEEDED", (string?)refused.Obj["error"]);
        Assert.Equal("0", refused.Header("x-rate-limit-member-remaining"));
        // Other paths are still served, and ten seconds are not enough for the members window.
        Assert.Equal(200, (await fixture.GetAsync("batch?urls=/members/me")).Status);
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(429, (await fixture.GetAsync("members/me")).Status);
        fixture.Time.Advance(TimeSpan.FromSeconds(900));
        Assert.Equal(200, (await fixture.GetAsync("members/me")).Status);
    }

    [Fact]
    public async Task too_many_429s_on_a_key_shut_the_key_out_until_its_window_ends()
    {
        await SetAsync(new JsonObject { ["tokenLimit"] = 1, ["keyShutOutAfter429s"] = 3 });
        Assert.Equal(200, (await fixture.GetAsync("members/me")).Status);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("API_TOKEN_LIMIT_EXCEEDED", (string?)(await fixture.GetAsync("members/me")).Obj["error"]);
        }
        // The second token has not used its own window, but the key is shut out.
        var shut = await fixture.GetAsync("members/me", TrelloEmulator.SecondApiToken);
        Assert.Equal(429, shut.Status);
        Assert.Equal("API_KEY_LIMIT_EXCEEDED", (string?)shut.Obj["error"]);
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(200, (await fixture.GetAsync("members/me", TrelloEmulator.SecondApiToken)).Status);
    }

    [Fact]
    public async Task limits_can_be_switched_off_and_bad_settings_are_refused()
    {
        await SetAsync(new JsonObject { ["tokenLimit"] = 1, ["rateLimitsEnabled"] = false });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await fixture.GetAsync("members/me")).Status);
        }
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SetAsync(new JsonObject { ["tokenLimit"] = "many" }));
        Assert.Contains("tokenLimit", error.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => SetAsync(new JsonObject { ["nope"] = 1 }));
        Assert.Contains("no such setting", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_reset_puts_trellos_limits_back()
    {
        await SetAsync(new JsonObject { ["tokenLimit"] = 1 });
        await fixture.ResetAsync();
        Assert.Equal(100, (int?)(await fixture.Server.Admin.SettingsAsync())["tokenLimit"]);
    }
}
