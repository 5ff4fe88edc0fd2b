using System.Net;
using System.Text.Json.Nodes;

namespace Tolk.Tidsbanken.Tests.Emulator;

public sealed class RateLimitTests(TidsbankenFixture fixture) : IClassFixture<TidsbankenFixture>
{
    private async Task LimitAsync(int limit, int windowSeconds)
    {
        await fixture.ResetAsync();
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = limit, ["rateLimitWindowSeconds"] = windowSeconds });
        // Start on a window boundary of our own making: the first call opens the window.
        fixture.Time.Advance(TimeSpan.FromSeconds(windowSeconds));
    }

    [Fact]
    public async Task the_default_limit_is_five_calls_a_second_per_subscription_key()
    {
        await fixture.Server.Admin.ResetAsync();
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((int)(await fixture.GetAsync("ansatt/ansatt?$top=1")).Status);
        }
        Assert.Equal(new[] { 200, 200, 200, 200, 200, 429 }, statuses);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("ansatt/ansatt?$top=1")).Status);
    }

    [Fact]
    public async Task over_the_limit_is_429_with_retry_after_and_the_gateways_message_until_the_window_resets()
    {
        await LimitAsync(2, 1);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("prosjekt/Kunde")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("prosjekt/Kunde")).Status);
        var refused = await fixture.GetAsync("prosjekt/Kunde");
        Assert.Equal("Rate limit is exceeded. Try again in 1 seconds.", refused.AssertGatewayError(429));
        Assert.Equal("1", refused.Headers["Retry-After"]);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("prosjekt/Kunde")).Status);
    }

    [Fact]
    public async Task retry_after_counts_the_seconds_left_in_the_window()
    {
        await LimitAsync(3, 60);
        for (var i = 0; i < 3; i++)
        {
            await fixture.GetAsync("prosjekt/Prosjekt");
        }
        fixture.Time.Advance(TimeSpan.FromSeconds(19.5));
        var refused = await fixture.GetAsync("prosjekt/Prosjekt");
        Assert.Equal("Rate limit is exceeded. Try again in 41 seconds.", refused.AssertGatewayError(429));
        Assert.Equal("41", refused.Headers["Retry-After"]);
        fixture.Time.Advance(TimeSpan.FromSeconds(40.5));
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("prosjekt/Prosjekt")).Status);
    }

    [Fact]
    public async Task a_refused_write_is_not_applied()
    {
        await LimitAsync(1, 1);
        await fixture.GetAsync("prosjekt/Kunde");
        (await fixture.PostAsync("prosjekt/Kunde", """[{"Id":"K4000","Navn":"For tidlig"}]""")).AssertGatewayError(429);
        Assert.Null(await fixture.Server.Admin.GetAsync("Kunde", "K4000"));
    }

    [Fact]
    public async Task calls_with_an_unknown_subscription_key_and_admin_calls_do_not_count()
    {
        await LimitAsync(2, 1);
        for (var i = 0; i < 5; i++)
        {
            await fixture.SendAsync(HttpMethod.Get, "prosjekt/Kunde", headers: new Dictionary<string, string?> { ["Ocp-Apim-Subscription-Key"] = "wrong" });
            await fixture.Server.Admin.ListAsync("Kunde");
        }
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("prosjekt/Kunde")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("prosjekt/Kunde")).Status);
        (await fixture.GetAsync("prosjekt/Kunde")).AssertGatewayError(429);
    }

    [Fact]
    public async Task the_gateway_counts_a_call_before_the_backend_checks_the_tb_key()
    {
        await LimitAsync(1, 1);
        (await fixture.SendAsync(HttpMethod.Get, "prosjekt/Kunde", headers: new Dictionary<string, string?> { ["tb-key"] = "wrong" })).AssertGatewayError(401);
        (await fixture.GetAsync("prosjekt/Kunde")).AssertGatewayError(429);
    }

    [Fact]
    public async Task settings_list_every_key_and_a_reset_restores_the_defaults()
    {
        await fixture.Server.Admin.ResetAsync();
        var settings = await fixture.Server.Admin.SettingsAsync();
        Assert.Equal(
            """{"rateLimit":5,"rateLimitWindowSeconds":1,"skewSistEndretDato":true,"maxTop":1000,"maxBatch":100,"enforceMergeKeys":true}""",
            settings.ToJsonString());
    }

    [Theory]
    [InlineData("""{"rateLimit":0}""", "rateLimit")]
    [InlineData("""{"rateLimit":"5"}""", "rateLimit")]
    [InlineData("""{"rateLimitWindowSeconds":1.5}""", "rateLimitWindowSeconds")]
    [InlineData("""{"skewSistEndretDato":"yes"}""", "skewSistEndretDato")]
    [InlineData("""{"maxTop":-1}""", "maxTop")]
    [InlineData("""{"enforceMergeKeys":null}""", "enforceMergeKeys")]
    [InlineData("""{"rateLimit":9,"speed":3}""", "speed")]
    public async Task a_bad_setting_is_refused_by_name_and_nothing_is_applied(string json, string key)
    {
        await fixture.ResetAsync();
        var before = (await fixture.Server.Admin.SettingsAsync()).ToJsonString();
        using var http = new HttpClient();
        using var response = await http.PutAsync(new Uri(fixture.Server.HostUrl, "_emulator/settings"),
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(key, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await fixture.Server.Admin.SettingsAsync()).ToJsonString());
    }

    [Fact]
    public async Task max_top_and_max_batch_are_settable()
    {
        await fixture.ResetAsync();
        await fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["maxTop"] = 2, ["maxBatch"] = 1 });
        Assert.Contains("limit of '2'", (await fixture.GetAsync("prosjekt/Kunde?$top=3")).AssertODataError(400), StringComparison.Ordinal);
        Assert.Contains("between 1 and 1", (await fixture.PostAsync("prosjekt/Kunde", """[{"Id":"A","Navn":"A"},{"Id":"B","Navn":"B"}]""")).AssertODataError(400), StringComparison.Ordinal);
    }
}
