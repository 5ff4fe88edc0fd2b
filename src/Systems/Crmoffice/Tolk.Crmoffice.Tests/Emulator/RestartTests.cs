using System.Text.Json.Nodes;

namespace Tolk.Crmoffice.Tests.Emulator;

/// <summary>An emulator restarted from its snapshot goes on as the same Crmoffice: records, ids, live tokens, webhooks.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private const string Secret = "whsec-restart-0123456789";
    private readonly CrmofficeFixture _before = new();
    private CrmofficeFixture? _after;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await _before.InitializeAsync();
        await _before.ResetAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _before.DisposeAsync();
        if (_after is not null)
        {
            await _after.DisposeAsync();
        }
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task a_restarted_emulator_answers_as_before_and_continues_its_ids_tokens_and_webhooks()
    {
        var api = _before.Api;
        var created = (string)(await api.PostAsync("companies", new JsonObject { ["name"] = "Før Omstart AS" })).Body!["id"]!;
        var gone = (string)(await api.PostAsync("companies", new JsonObject { ["name"] = "Kortvarig AS" })).Body!["id"]!;
        Assert.Equal(204, (await api.DeleteAsync("companies/" + gone)).Status);
        Assert.Equal(200, (await api.PutAsync("companies/" + created, new JsonObject { ["phone"] = "+47 22 00 00 00" })).Status);
        var hook = (string)(await api.PostAsync("webhooks", new JsonObject
        {
            ["url"] = _receiver.Url.ToString(), ["events"] = new JsonArray("companies"), ["secret"] = Secret,
        })).Body!["id"]!;

        _after = await _before.RestartAsync();
        // The token fetched before the restart is still good after it, as it would be against the real service.
        _after.Api.Token = api.Token;

        foreach (var path in new[] { "companies", "contacts", "companies/" + created, "webhooks/" + hook })
        {
            var before = await api.GetAsync(path);
            Assert.Equal(200, before.Status);
            Assert.Equal(before.Raw, (await _after.Api.GetAsync(path)).Raw);
        }
        (await _after.Api.GetAsync("companies/" + gone)).AssertError(404, "not_found");

        // Ids are never reused: the next company gets the id after the deleted one's, the one the first emulator gives too.
        var next = (string)(await _after.Api.PostAsync("companies", new JsonObject { ["name"] = "Etter Omstart AS" })).Body!["id"]!;
        Assert.True(string.CompareOrdinal(next, gone) > 0);
        Assert.True(await _after.Emulator.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(10)));
        var delivery = Assert.Single(_receiver.Received);
        Assert.True(delivery.Verifies(Secret, _after.Time.GetUtcNow()));
        Assert.Contains(next, delivery.Text, StringComparison.Ordinal);
        Assert.Equal(next, (string)(await api.PostAsync("companies", new JsonObject { ["name"] = "Etter Omstart AS" })).Body!["id"]!);
    }
}
