using System.Text.Json.Nodes;

namespace Tolk.Custompms.Tests.Emulator;

public sealed class SettingsTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    [Fact]
    public async Task a_reset_restores_the_contract_defaults()
    {
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["changeLogRetentionSeconds"] = 5, ["idempotencyRetentionSeconds"] = 9 });

        await Fixture.Server.Admin.ResetAsync();

        var settings = await Fixture.Server.Admin.SettingsAsync();
        Assert.Equal(["rateLimitPerSecond", "changeLogRetentionSeconds", "idempotencyRetentionSeconds"], settings.Select(s => s.Key));
        Assert.Equal(5, (int)settings["rateLimitPerSecond"]!);
        Assert.Equal(7 * 24 * 3600, (int)settings["changeLogRetentionSeconds"]!);
        Assert.Equal(24 * 3600, (int)settings["idempotencyRetentionSeconds"]!);
    }

    [Fact]
    public async Task settings_are_applied_and_returned()
    {
        var settings = await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 7, ["idempotencyRetentionSeconds"] = 60 });

        Assert.Equal(7, (int)settings["rateLimitPerSecond"]!);
        Assert.Equal(60, (int)settings["idempotencyRetentionSeconds"]!);
    }

    [Theory]
    [InlineData("{\"rateLimit\":5}", "rateLimit")]
    [InlineData("{\"rateLimitPerSecond\":0}", "rateLimitPerSecond")]
    [InlineData("{\"rateLimitPerSecond\":\"5\"}", "rateLimitPerSecond")]
    [InlineData("{\"rateLimitPerSecond\":2.5}", "rateLimitPerSecond")]
    [InlineData("{\"changeLogRetentionSeconds\":null}", "changeLogRetentionSeconds")]
    [InlineData("{\"rateLimitPerSecond\":9,\"webhooks\":true}", "webhooks")]
    public async Task a_bad_setting_is_refused_by_name_and_nothing_changes(string body, string name)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Fixture.Server.Admin.SetSettingsAsync(JsonNode.Parse(body)!.AsObject()));

        Assert.Contains(name, refused.Message, StringComparison.Ordinal);
        Assert.Equal(100_000, (int)(await Fixture.Server.Admin.SettingsAsync())["rateLimitPerSecond"]!);
    }
}
