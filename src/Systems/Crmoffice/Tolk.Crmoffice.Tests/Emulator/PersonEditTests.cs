using System.Text.Json.Nodes;

namespace Tolk.Crmoffice.Tests.Emulator;

public sealed class PersonEditTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>, IAsyncLifetime
{
    private CrmApi Api => fixture.Api;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_persons_edit_shows_in_the_api_with_a_new_updatedAt_and_in_the_change_feed()
    {
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        var since = Uri.EscapeDataString(fixture.Now);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var edited = await fixture.Server.Admin.EditAsync("contacts", "CT-000003", new JsonObject { ["title"] = "Salgssjef" });
        Assert.Equal(fixture.Now, (string?)edited["updatedAt"]);
        var fetched = (await Api.GetAsync("contacts/CT-000003")).Body!;
        Assert.Equal("Salgssjef", (string?)fetched["title"]);
        Assert.Equal(fixture.Now, (string?)fetched["updatedAt"]);
        var feed = (await Api.GetAsync("contacts?updatedAfter=" + since)).Body!;
        Assert.Equal(1, (int)feed["total"]!);
        Assert.Equal("CT-000003", (string?)feed["items"]![0]!["id"]);
    }

    [Fact]
    public async Task a_person_is_held_to_the_apis_rules()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Server.Admin.EditAsync("companies", "CO-000001", new JsonObject { ["category"] = "vendor" }));
        Assert.Contains("validation_error", error.Message, StringComparison.Ordinal);
        Assert.Contains("category", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.CreateAsync("contacts", new JsonObject { ["givenName"] = "Ola" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.EditAsync("companies", "CO-999999", new JsonObject { ["name"] = "X" }));
    }

    [Fact]
    public async Task a_person_creates_and_deletes_records_with_server_ids()
    {
        var created = await fixture.Server.Admin.CreateAsync("companies", new JsonObject { ["name"] = "Manuelt Opprettet AS", ["category"] = "partner" });
        var id = (string)created["id"]!;
        Assert.Matches(@"^CO-\d{6}$", id);
        Assert.Equal(fixture.Now, (string?)created["createdAt"]);
        Assert.Equal("partner", (string?)(await Api.GetAsync("companies/" + id)).Body!["category"]);
        await fixture.Server.Admin.DeleteAsync("companies", id);
        (await Api.GetAsync("companies/" + id)).AssertError(404, "not_found");
    }

    [Fact]
    public async Task a_person_may_rename_a_user_but_not_make_webhook_registrations()
    {
        await fixture.Server.Admin.EditAsync("users", "US-000001", new JsonObject { ["name"] = "Nytt Navn" });
        Assert.Equal("Nytt Navn", (string?)(await Api.GetAsync("users/US-000001")).Body!["name"]);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Server.Admin.CreateAsync("webhooks", new JsonObject { ["url"] = "https://example.com", ["events"] = new JsonArray("companies"), ["secret"] = "0123456789abcdef" }));
    }

    [Fact]
    public async Task the_admin_channel_shows_records_as_the_api_does()
    {
        var stored = await fixture.Server.Admin.GetAsync("activities", "AC-000001");
        Assert.Equal(stored!.ToJsonString(), (await Api.GetAsync("activities/AC-000001")).Body!.ToJsonString());
    }
}
