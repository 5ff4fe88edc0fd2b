using System.Text.Json.Nodes;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class SettingsTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    [Fact]
    public async Task the_settings_are_listed_with_their_defaults()
    {
        var settings = await Fixture.Server.Admin.SettingsAsync();
        Assert.Equal(
            ["rateLimit", "rateLimitWindowSeconds", "cursorLifetimeSeconds", "idempotencyWindowHours", "webhookMaxAttempts",
             "webhookFirstRetrySeconds", "webhookTimeoutSeconds", "webhookVerify"],
            settings.Select(s => s.Key));
        Assert.Equal(3600, (int)settings["cursorLifetimeSeconds"]!);
        Assert.Equal(24, (int)settings["idempotencyWindowHours"]!);
        Assert.Equal(8, (int)settings["webhookMaxAttempts"]!);
        Assert.True((bool)settings["webhookVerify"]!);
    }

    [Theory]
    [InlineData("{\"speed\":1}")]
    [InlineData("{\"rateLimit\":0}")]
    [InlineData("{\"rateLimit\":\"5\"}")]
    [InlineData("{\"rateLimit\":2.5}")]
    [InlineData("{\"webhookVerify\":\"no\"}")]
    [InlineData("{\"rateLimit\":5,\"webhookMaxAttempts\":0}")]
    public async Task a_bad_setting_is_refused_and_nothing_changes(string body)
    {
        using var admin = new HttpClient { BaseAddress = Fixture.Server.HostUrl };
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PutAsync("/_emulator/settings", content);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(600, (int)(await Fixture.Server.Admin.SettingsAsync())["rateLimit"]!);
    }

    [Fact]
    public async Task a_reset_restores_the_default_settings()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimit"] = 5, ["webhookVerify"] = false });
        await Fixture.Server.Admin.ResetAsync();
        var settings = await Fixture.Server.Admin.SettingsAsync();
        Assert.Equal(600, (int)settings["rateLimit"]!);
        Assert.True((bool)settings["webhookVerify"]!);
    }
}
