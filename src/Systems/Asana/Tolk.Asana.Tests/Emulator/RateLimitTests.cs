using System.Text.Json.Nodes;

namespace Tolk.Asana.Tests.Emulator;

public sealed class RateLimitTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    private const string RateLimited = "You've made too many requests and hit a rate limit. Please retry after the given amount of time.";

    public Task InitializeAsync() => fixture.DefaultLimitsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task the_default_limit_is_150_requests_a_minute_per_token()
    {
        Assert.Equal(150, (int?)(await fixture.Server.Admin.SettingsAsync())["rateLimitPerMinute"]);
        for (var i = 0; i < 150; i++)
        {
            (await fixture.Api.GetAsync("users/me")).AssertOk();
        }
        var refused = (await fixture.Api.GetAsync("users/me")).AssertError(429, RateLimited, help: false);
        Assert.Equal($$"""{"errors":[{"message":"{{RateLimited}}"}]}""", refused.Text);
        Assert.InRange(int.Parse(refused.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        (await fixture.Other.GetAsync("users/me")).AssertOk();
    }

    [Fact]
    public async Task a_lowered_limit_refuses_with_retry_after_until_the_window_passes_on_the_fake_clock()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerMinute"] = 5 });
        for (var i = 0; i < 5; i++)
        {
            (await fixture.Api.GetAsync("workspaces")).AssertOk();
        }
        var refused = (await fixture.Api.PutAsync("users/me", """{"data":{"name":"x"}}""")).AssertError(429, RateLimited, help: false);
        Assert.Equal("60", refused.Headers["Retry-After"]);
        fixture.Time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal("15", (await fixture.Api.GetAsync("workspaces")).AssertError(429, RateLimited, help: false).Headers["Retry-After"]);
        fixture.Time.Advance(TimeSpan.FromSeconds(15));
        (await fixture.Api.GetAsync("workspaces")).AssertOk();
    }

    [Fact]
    public async Task refused_writes_are_not_applied()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerMinute"] = 1 });
        (await fixture.Api.GetAsync("users/me")).AssertOk();
        (await fixture.Api.PutAsync("users/me", """{"data":{"name":"Skal ikke skje"}}""")).AssertOk(429);
        Assert.NotEqual("Skal ikke skje", (string?)(await fixture.Server.Admin.GetAsync("users", "1203000000000000"))!["name"]);
    }

    [Fact]
    public async Task each_batch_action_counts_and_a_batch_that_does_not_fit_is_refused_whole()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerMinute"] = 5 });
        var four = Batch(Enumerable.Repeat(new { relative_path = "/users/me", method = "get" }, 4));
        (await fixture.Api.PostAsync("batch", four)).AssertOk();
        var two = Batch(new object[] { new { relative_path = "/users/me", method = "put", data = new { name = "Halvveis" } }, new { relative_path = "/users/me", method = "get" } });
        var refused = (await fixture.Api.PostAsync("batch", two)).AssertError(429, RateLimited, help: false);
        Assert.True(refused.Headers.ContainsKey("Retry-After"));
        Assert.NotEqual("Halvveis", (string?)(await fixture.Server.Admin.GetAsync("users", "1203000000000000"))!["name"]);
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        (await fixture.Api.PostAsync("batch", two)).AssertOk();
    }

    [Fact]
    public async Task a_batch_with_more_concurrent_actions_than_allowed_is_refused()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["concurrentReads"] = 2 });
        (await fixture.Api.PostAsync("batch", Batch(Enumerable.Repeat(new { relative_path = "/users/me", method = "get" }, 3))))
            .AssertError(429, RateLimited, help: false);
        (await fixture.Api.PostAsync("batch", Batch(Enumerable.Repeat(new { relative_path = "/users/me", method = "get" }, 2)))).AssertOk();
    }

    [Fact]
    public async Task concurrent_writes_beyond_the_limit_are_refused_while_one_is_in_flight()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["concurrentWrites"] = 1 });
        await using var receiver = await WebhookReceiver.StartAsync();
        // The handshake holds the webhook POST in flight; a loaded machine may take a while to get it there.
        receiver.HandshakeDelay = TimeSpan.FromSeconds(3);
        var slow = fixture.Api.PostAsync("webhooks", AsanaClient.Data(new { resource = "1204000000000000", target = receiver.Url.ToString() }));
        for (var i = 0; i < 1000 && receiver.Handshakes.IsEmpty; i++)
        {
            await Task.Delay(10);
        }

        Assert.False(receiver.Handshakes.IsEmpty, "the webhook handshake never reached the receiver");
        (await fixture.Api.PutAsync("users/me", """{"data":{"name":"Samtidig"}}""")).AssertError(429, RateLimited, help: false);
        (await fixture.Api.GetAsync("users/me")).AssertOk();
        (await slow).AssertOk(201);
        (await fixture.Api.PutAsync("users/me", """{"data":{"name":"Etterpå"}}""")).AssertOk();
    }

    [Fact]
    public async Task bad_settings_are_refused_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerMinute"] = 0 }));
        Assert.Contains("rateLimitPerMinute", error.Message, StringComparison.Ordinal);
        error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["burst"] = 3 }));
        Assert.Contains("burst", error.Message, StringComparison.Ordinal);
        Assert.Equal(150, (int?)(await fixture.Server.Admin.SettingsAsync())["rateLimitPerMinute"]);
    }

    private static string Batch<T>(IEnumerable<T> actions) => AsanaClient.Data(new { actions });
}
