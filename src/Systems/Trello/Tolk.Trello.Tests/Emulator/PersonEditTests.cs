using System.Text.Json.Nodes;

namespace Tolk.Trello.Tests.Emulator;

/// <summary>A person's edit through /_emulator/records behaves like an edit in Trello's UI: visible, dated, in the feed.</summary>
public sealed class PersonEditTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_person_renaming_a_card_shows_in_the_api_and_in_the_feed_as_someone_else()
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        var me = (string?)(await fixture.GetAsync("members/me")).Obj["id"];
        var newest = (string)(await fixture.GetAsync($"boards/{board["id"]}/actions?limit=1")).Array[0]!["id"]!;
        fixture.Time.Advance(TimeSpan.FromHours(1));
        await fixture.Server.Admin.EditAsync("cards", (string)cards[0]!["id"]!, new JsonObject { ["name"] = "Endret i Trello" });
        var card = (await fixture.GetAsync($"cards/{cards[0]!["id"]}")).Obj;
        Assert.Equal("Endret i Trello", (string?)card["name"]);
        Assert.Equal("2026-01-05T10:00:00.000Z", (string?)card["dateLastActivity"]);
        var feed = (await fixture.GetAsync($"boards/{board["id"]}/actions?since={newest}")).Array;
        var update = (JsonObject)Assert.Single(feed)!;
        Assert.Equal("updateCard", (string?)update["type"]);
        Assert.NotEqual(me, (string?)update["idMemberCreator"]);
        Assert.Equal((string?)cards[0]!["name"], (string?)update["data"]!["old"]!["name"]);
        Assert.True(string.CompareOrdinal((string?)update["id"], newest) > 0);
    }

    [Fact]
    public async Task a_person_editing_a_comment_records_update_comment()
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        var comment = (await fixture.PostAsync($"cards/{cards[0]!["id"]}/actions/comments?text=Prosjekt%0A%0ABeskrivelse")).Obj;
        await fixture.Server.Admin.EditAsync("actions", (string)comment["id"]!, new JsonObject { ["text"] = "Prosjekt 2\n\nNy beskrivelse" });
        Assert.Equal("Prosjekt 2\n\nNy beskrivelse", (string?)(await fixture.GetAsync($"actions/{comment["id"]}")).Obj["data"]!["text"]);
        var update = (JsonObject)(await fixture.GetAsync($"boards/{board["id"]}/actions?limit=1")).Array[0]!;
        Assert.Equal("updateComment", (string?)update["type"]);
    }

    [Fact]
    public async Task a_person_edit_is_checked_like_an_api_edit()
    {
        var (_, _, cards) = await fixture.FirstBoardAsync();
        var bad = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Server.Admin.EditAsync("cards", (string)cards[0]!["id"]!, new JsonObject { ["name"] = "" }));
        Assert.Contains("invalid value for name", bad.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Server.Admin.EditAsync("cards", (string)cards[0]!["id"]!, new JsonObject { ["shoeSize"] = 42 }));
        Assert.Contains("shoeSize", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_person_editing_a_workspace_and_a_member_moves_them_in_the_api()
    {
        var org = await fixture.FirstOrganizationAsync();
        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        await fixture.Server.Admin.EditAsync("organizations", (string)org["id"]!, new JsonObject { ["desc"] = "Endret av en person" });
        var after = (await fixture.GetAsync($"organizations/{org["id"]}")).Obj;
        Assert.Equal("Endret av en person", (string?)after["desc"]);
        Assert.NotEqual((string?)org["dateLastActivity"], (string?)after["dateLastActivity"]);
        var member = (await fixture.GetAsync($"organizations/{org["id"]}/members")).Array.Last()!;
        await fixture.Server.Admin.EditAsync("members", (string)member["id"]!, new JsonObject { ["fullName"] = "Nytt Navn" });
        Assert.Equal("Nytt Navn", (string?)(await fixture.GetAsync($"members/{member["id"]}")).Obj["fullName"]);
        var actions = (await fixture.GetAsync($"members/{member["id"]}/actions?filter=updateMember")).Array;
        Assert.Single(actions);
    }

    [Fact]
    public async Task a_person_joining_trello_into_a_workspace_appears_among_its_members()
    {
        var org = await fixture.FirstOrganizationAsync();
        var created = await fixture.Server.Admin.CreateAsync("members", new JsonObject
        {
            ["fullName"] = "Åse Ødegård", ["email"] = "ase.odegard@example.no", ["idOrganization"] = org["id"]!.DeepClone(),
        });
        Assert.Equal("aseodegard", (string?)created["username"]);
        var members = (await fixture.GetAsync($"organizations/{org["id"]}/members?fields=email")).Array;
        Assert.Contains("ase.odegard@example.no", members.Select(m => (string?)m!["email"]));
    }

    [Fact]
    public async Task a_person_deleting_a_card_records_delete_card()
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        await fixture.Server.Admin.DeleteAsync("cards", (string)cards[0]!["id"]!);
        Assert.Equal(404, (await fixture.GetAsync($"cards/{cards[0]!["id"]}")).Status);
        Assert.Equal("deleteCard", (string?)(await fixture.GetAsync($"boards/{board["id"]}/actions?limit=1")).Array[0]!["type"]);
    }

    [Fact]
    public async Task a_person_edit_fires_the_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (board, _, cards) = await fixture.FirstBoardAsync();
        await fixture.PostAsync($"webhooks?callbackURL={Uri.EscapeDataString(receiver.Url.ToString())}&idModel={board["id"]}");
        await fixture.Server.Admin.EditAsync("cards", (string)cards[0]!["id"]!, new JsonObject { ["desc"] = "Fra UI" });
        Assert.True(await fixture.Trello.Context.Webhooks.WaitIdleAsync(TimeSpan.FromSeconds(5)));
        var (body, _) = Assert.Single(receiver.Deliveries);
        Assert.Equal("Fra UI", (string?)JsonNode.Parse(body)!["action"]!["data"]!["card"]!["desc"]);
    }
}
