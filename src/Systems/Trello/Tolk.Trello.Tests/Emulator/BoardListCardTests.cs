using System.Text.Json.Nodes;

namespace Tolk.Trello.Tests.Emulator;

public sealed class BoardListCardTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_new_board_gets_trellos_default_lists_and_create_actions()
    {
        var org = await fixture.FirstOrganizationAsync();
        var board = (await fixture.PostAsync($"boards?name=Leveranser&idOrganization={org["id"]}")).Obj;
        Assert.Equal((string?)org["id"], (string?)board["idOrganization"]);
        Assert.Matches("^[A-Za-z0-9]{8}$", (string?)board["shortLink"]);
        var lists = (await fixture.GetAsync($"boards/{board["id"]}/lists")).Array;
        Assert.Equal(["To Do", "Doing", "Done"], lists.Select(l => (string?)l!["name"]));
        var types = (await fixture.GetAsync($"boards/{board["id"]}/actions")).Array.Select(a => (string?)a!["type"]).ToList();
        Assert.Equal(["createList", "createList", "createList", "createBoard"], types);
        var bare = (await fixture.PostAsync("boards?name=Bare&defaultLists=false")).Obj;
        Assert.Empty((await fixture.GetAsync($"boards/{bare["id"]}/lists")).Array);
        Assert.Contains((string?)board["id"], ((JsonArray)(await fixture.GetAsync($"organizations/{org["id"]}")).Obj["idBoards"]!).Select(n => (string?)n));
    }

    [Fact]
    public async Task a_board_is_addressed_by_its_short_link_too()
    {
        var (board, _, _) = await fixture.FirstBoardAsync();
        var byShortLink = (await fixture.GetAsync($"boards/{board["shortLink"]}")).Obj;
        Assert.Equal((string?)board["id"], (string?)byShortLink["id"]);
    }

    [Fact]
    public async Task lists_are_created_on_a_board_and_updated()
    {
        var (board, lists, _) = await fixture.FirstBoardAsync();
        var list = (await fixture.PostAsync($"lists?name=Review&idBoard={board["id"]}")).Obj;
        Assert.Equal((string?)board["id"], (string?)list["idBoard"]);
        Assert.True(list["pos"]!.GetValue<double>() > lists.Max(l => l!["pos"]!.GetValue<double>()));
        var renamed = (await fixture.PutAsync($"lists/{list["id"]}?name=QA&closed=true")).Obj;
        Assert.True(renamed["closed"]!.GetValue<bool>());
        var open = (await fixture.GetAsync($"boards/{board["id"]}/lists")).Array;
        Assert.DoesNotContain((string?)list["id"], open.Select(l => (string?)l!["id"]));
        var all = (await fixture.GetAsync($"boards/{board["id"]}/lists?filter=all")).Array;
        Assert.Contains((string?)list["id"], all.Select(l => (string?)l!["id"]));
    }

    [Fact]
    public async Task a_card_round_trip_create_update_move_delete()
    {
        var (board, lists, _) = await fixture.FirstBoardAsync();
        var created = await fixture.PostAsync($"cards?idList={lists[0]!["id"]}&name=Ny%20leveranse&desc=Beskrivelse");
        Assert.Equal(200, created.Status);
        var card = created.Obj;
        Assert.Equal((string?)board["id"], (string?)card["idBoard"]);
        Assert.Equal("Beskrivelse", (string?)card["desc"]);
        Assert.True(card["idShort"]!.GetValue<int>() > 0);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var moved = (await fixture.PutAsync($"cards/{card["id"]}?idList={lists[1]!["id"]}&name=Omdøpt&due=2026-02-01T12:00:00Z")).Obj;
        Assert.Equal((string?)lists[1]!["id"], (string?)moved["idList"]);
        Assert.Equal("2026-02-01T12:00:00.000Z", (string?)moved["due"]);
        Assert.NotEqual((string?)card["dateLastActivity"], (string?)moved["dateLastActivity"]);

        var update = (JsonObject)(await fixture.GetAsync($"cards/{card["id"]}/actions")).Array[0]!;
        Assert.Equal("updateCard", (string?)update["type"]);
        Assert.Equal((string?)lists[0]!["id"], (string?)update["data"]!["listBefore"]!["id"]);
        Assert.Equal((string?)lists[1]!["id"], (string?)update["data"]!["listAfter"]!["id"]);
        Assert.Equal((string?)card["name"], (string?)update["data"]!["old"]!["name"]);

        var deleted = await fixture.DeleteAsync($"cards/{card["id"]}");
        Assert.Equal("{\"_value\":null}", deleted.Body);
        Assert.Equal(404, (await fixture.GetAsync($"cards/{card["id"]}")).Status);
        var last = (JsonObject)(await fixture.GetAsync($"boards/{board["id"]}/actions?limit=1")).Array[0]!;
        Assert.Equal("deleteCard", (string?)last["type"]);
    }

    [Fact]
    public async Task cards_are_listed_per_board_and_per_list_without_closed_ones()
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        var card = cards[0]!;
        await fixture.PutAsync($"cards/{card["id"]}?closed=true");
        var open = (await fixture.GetAsync($"boards/{board["id"]}/cards")).Array;
        Assert.DoesNotContain((string?)card["id"], open.Select(c => (string?)c!["id"]));
        var all = (await fixture.GetAsync($"boards/{board["id"]}/cards?filter=all")).Array;
        Assert.Equal(cards.Count, all.Count);
        var inList = (await fixture.GetAsync($"lists/{card["idList"]}/cards")).Array;
        Assert.All(inList, c => Assert.Equal((string?)card["idList"], (string?)c!["idList"]));
    }

    [Fact]
    public async Task a_card_is_addressed_by_its_short_link_and_fields_narrow_it()
    {
        var (_, _, cards) = await fixture.FirstBoardAsync();
        var card = (await fixture.GetAsync($"cards/{cards[0]!["shortLink"]}?fields=name,idList")).Obj;
        Assert.Equal(["id", "idList", "name"], card.Select(kv => kv.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task board_members_are_the_boards_memberships()
    {
        var (board, _, _) = await fixture.FirstBoardAsync();
        var members = (await fixture.GetAsync($"boards/{board["id"]}/members")).Array;
        Assert.Equal(((JsonArray)board["memberships"]!).Count, members.Count);
        Assert.Contains("tolksync", members.Select(m => (string?)m!["username"]));
    }

    [Fact]
    public async Task a_board_update_records_update_board()
    {
        var (board, _, _) = await fixture.FirstBoardAsync();
        var updated = (await fixture.PutAsync($"boards/{board["id"]}?name=Nytt%20navn&desc=D")).Obj;
        Assert.Equal("Nytt navn", (string?)updated["name"]);
        var action = (JsonObject)(await fixture.GetAsync($"boards/{board["id"]}/actions?filter=updateBoard")).Array[0]!;
        Assert.Equal((string?)board["name"], (string?)action["data"]!["old"]!["name"]);
    }
}
