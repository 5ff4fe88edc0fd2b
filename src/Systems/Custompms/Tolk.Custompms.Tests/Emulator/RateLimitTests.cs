using System.Text.Json.Nodes;
using Tolk.Custompms.Emulator;

namespace Tolk.Custompms.Tests.Emulator;

/// <summary>The spec's 5 requests per second per API key, on the fake clock (which stands still unless a test moves it).</summary>
public sealed class RateLimitTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    public override async Task InitializeAsync()
    {
        await Fixture.Server.Admin.ResetAsync();
        // Start on a fresh second, so the whole test falls in known windows.
        Fixture.Time.Advance(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task the_default_limit_is_five_requests_per_second()
    {
        Assert.Equal(5, (int)(await Fixture.Server.Admin.SettingsAsync())["rateLimitPerSecond"]!);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await Api.CallGetAsync("customers")).Status);
        }

        var refused = await Api.CallGetAsync("customers");

        ErrorAssert.Is(refused, 429, "rate_limited");
        Assert.Equal("1", refused.Header("Retry-After"));
    }

    [Fact]
    public async Task retry_after_counts_the_seconds_left_in_the_window_and_the_window_resets()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 2 });
        await Api.CallGetAsync("customers");
        Fixture.Time.Advance(TimeSpan.FromMilliseconds(300));
        await Api.CallGetAsync("customers");
        Fixture.Time.Advance(TimeSpan.FromMilliseconds(300));

        var refused = await Api.CallGetAsync("customers");
        ErrorAssert.Is(refused, 429, "rate_limited");
        Assert.Equal("1", refused.Header("Retry-After"));
        Fixture.Time.Advance(TimeSpan.FromMilliseconds(399));
        ErrorAssert.Is(await Api.CallGetAsync("customers"), 429, "rate_limited");

        Fixture.Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(200, (await Api.CallGetAsync("customers")).Status);
    }

    [Fact]
    public async Task each_api_key_has_its_own_window()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 1 });
        using var second = Fixture.Client(CustompmsEmulator.SecondApiKey);

        Assert.Equal(200, (await Api.CallGetAsync("customers")).Status);
        ErrorAssert.Is(await Api.CallGetAsync("customers"), 429, "rate_limited");
        Assert.Equal(200, (await second.CallGetAsync("customers")).Status);
    }

    [Fact]
    public async Task every_endpoint_and_method_counts_and_refused_writes_change_nothing()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 3 });
        var customers = await Api.CallGetAsync("customers");
        await Api.CallGetAsync("changes");
        await Api.CallGetAsync($"customers/{customers.Items[0]!["id"]}");

        var refused = await Api.CallPostAsync("customers", Sample.Customer());

        ErrorAssert.Is(refused, 429, "rate_limited");
        Assert.Equal(3, (await Fixture.Server.Admin.ListAsync("customers")).Count);
    }

    [Fact]
    public async Task requests_without_a_valid_key_are_401_and_not_counted()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 1 });
        for (var i = 0; i < 3; i++)
        {
            ErrorAssert.Is(await Fixture.Anonymous.CallGetAsync("customers"), 401, "unauthorized");
        }

        Assert.Equal(200, (await Api.CallGetAsync("customers")).Status);
    }

    [Fact]
    public async Task the_admin_channel_is_never_limited()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 1 });

        for (var i = 0; i < 10; i++)
        {
            await Fixture.Server.Admin.ListAsync("customers");
        }
        Assert.Equal(200, (await Api.CallGetAsync("customers")).Status);
    }
}
