using System.Text.Json.Nodes;
using Tolk.Customerp.Emulator;
using Tolk.Emulation.Faults;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class RateLimitTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    [Fact]
    public async Task the_default_limit_is_600_requests_a_minute()
    {
        var settings = await Fixture.Server.Admin.SettingsAsync();
        Assert.Equal(600, (int)settings["rateLimit"]!);
        Assert.Equal(60, (int)settings["rateLimitWindowSeconds"]!);
    }

    [Fact]
    public async Task over_the_limit_a_token_gets_429_with_retry_after_until_the_window_resets()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 3 });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await Api.CallGetAsync("customers/1")).Status);
        }
        Fixture.Time.Advance(TimeSpan.FromSeconds(20));
        var refused = await Api.CallGetAsync("customers/1");
        var problem = ProblemAssert.Is(refused, 429);
        Assert.Equal("https://customerp.example/problems/rate-limited", (string)problem["type"]!);
        Assert.Equal("40", refused.Header("Retry-After"));
        Fixture.Time.Advance(TimeSpan.FromSeconds(39));
        Assert.Equal("1", (await Api.CallGetAsync("customers/1")).Header("Retry-After"));
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await Api.CallGetAsync("customers/1")).Status);
    }

    [Fact]
    public async Task refused_writes_change_nothing()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 1 });
        await Api.CallGetAsync("customers");
        ProblemAssert.Is(await Api.CallPostAsync("customers", new JsonObject { ["name"] = "For sent AS" }), 429);
        Assert.DoesNotContain(await Fixture.Server.Admin.ListAsync("customers"), c => (string?)c["name"] == "For sent AS");
    }

    [Fact]
    public async Task the_limit_is_per_token()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 2 });
        await Api.CallGetAsync("customers");
        await Api.CallGetAsync("customers");
        ProblemAssert.Is(await Api.CallGetAsync("customers"), 429);
        using var other = Fixture.Client(CustomerpEmulator.SecondApiToken);
        Assert.Equal(200, (await other.CallGetAsync("customers")).Status);
    }

    [Fact]
    public async Task the_window_length_is_a_setting()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 1, ["rateLimitWindowSeconds"] = 10 });
        await Api.CallGetAsync("customers");
        Assert.Equal("10", (await Api.CallGetAsync("customers")).Header("Retry-After"));
        Fixture.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(200, (await Api.CallGetAsync("customers")).Status);
    }

    [Fact]
    public async Task requests_without_a_valid_token_are_refused_before_they_count()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 1 });
        for (var i = 0; i < 3; i++)
        {
            ProblemAssert.Is(await Fixture.Anonymous.CallGetAsync("customers"), 401);
        }
        Assert.Equal(200, (await Api.CallGetAsync("customers")).Status);
    }

    [Fact]
    public async Task the_admin_channel_is_never_limited()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 1 });
        for (var i = 0; i < 5; i++)
        {
            await Fixture.Server.Admin.ListAsync("customers");
        }
        Assert.Equal(200, (await Api.CallGetAsync("customers")).Status);
    }

    [Fact]
    public async Task an_injected_429_carries_retry_after_in_the_problem_format()
    {
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Status: 429, Nth: 1));
        var reply = await Api.CallGetAsync("customers");
        ProblemAssert.Is(reply, 429);
        Assert.Equal("60", reply.Header("Retry-After"));
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Status: 429, Nth: 1, RetryAfterSeconds: 7));
        Assert.Equal("7", (await Api.CallGetAsync("customers")).Header("Retry-After"));
    }
}
