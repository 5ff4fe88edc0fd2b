using System.Text.Json.Nodes;

namespace Tolk.Crmoffice.Tests.Emulator;

public sealed class RateLimitTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>, IAsyncLifetime
{
    private CrmApi Api => fixture.Api;

    public Task InitializeAsync() => fixture.ResetAsync(realLimits: true);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task the_eleventh_request_in_a_second_gets_429_with_retry_after_and_the_next_second_is_served()
    {
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(200, (await Api.GetAsync("users")).Status);
        }
        var refused = await Api.GetAsync("companies");
        refused.AssertError(429, "rate_limited");
        Assert.Equal("1", refused.Headers["Retry-After"]);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await Api.GetAsync("companies")).Status);
    }

    [Fact]
    public async Task a_lowered_limit_from_the_admin_settings_applies_to_writes_too()
    {
        var settings = await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["requestsPerSecond"] = 2 });
        Assert.Equal(2, (int)settings["requestsPerSecond"]!);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(201, (await Api.PostAsync("companies", new JsonObject { ["name"] = "En AS" })).Status);
        Assert.Equal(201, (await Api.PostAsync("companies", new JsonObject { ["name"] = "To AS" })).Status);
        (await Api.PostAsync("companies", new JsonObject { ["name"] = "Tre AS" })).AssertError(429, "rate_limited");
        Assert.DoesNotContain(await fixture.Server.Admin.ListAsync("companies"), c => (string?)c["name"] == "Tre AS");
    }

    [Fact]
    public async Task the_limit_is_per_client_so_a_new_token_does_not_reset_it_and_the_token_endpoint_stays_open()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["requestsPerSecond"] = 1 });
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await Api.GetAsync("users")).Status);
        await Api.AuthorizeAsync();
        (await Api.GetAsync("users")).AssertError(429, "rate_limited");
    }

    [Fact]
    public async Task retry_after_counts_the_seconds_left_in_the_window()
    {
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["requestsPerSecond"] = 1 });
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await Api.GetAsync("users")).Status);
        fixture.Time.Advance(TimeSpan.FromMilliseconds(400));
        var refused = await Api.GetAsync("users");
        Assert.Equal("1", refused.Headers["Retry-After"]);
        fixture.Time.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(200, (await Api.GetAsync("users")).Status);
    }

    [Theory]
    [InlineData("""{"requestsPerSecond":0}""")]
    [InlineData("""{"requestsPerSecond":"ten"}""")]
    [InlineData("""{"requestsPerSecond":1.5}""")]
    [InlineData("""{"tokenLifetimeSeconds":-1}""")]
    [InlineData("""{"burst":5}""")]
    public async Task bad_settings_are_refused_by_name(string settings)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.SetSettingsAsync(JsonNode.Parse(settings)!.AsObject()));
        Assert.Contains(JsonNode.Parse(settings)!.AsObject().First().Key, error.Message, StringComparison.Ordinal);
        Assert.Equal(10, (int)(await fixture.Server.Admin.SettingsAsync())["requestsPerSecond"]!);
    }

    [Fact]
    public async Task the_settings_list_every_key_with_its_default()
    {
        var settings = await fixture.Server.Admin.SettingsAsync();
        Assert.Equal("""{"requestsPerSecond":10,"tokenLifetimeSeconds":3600,"webhookMaxAttempts":6,"webhookFirstRetrySeconds":30,"webhookTimeoutSeconds":10}""",
            settings.ToJsonString());
    }
}
