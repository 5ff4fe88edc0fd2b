using System.Text.Json.Nodes;

namespace Tolk.Trello.Tests.Emulator;

/// <summary>
/// The nested reads trello.js offers as one method each (getCardBoard, getCardList, getCardMembers, getListBoard,
/// getBoardMemberships, getMemberCards, getActionBoard and the like), which the emulator first answered 404.
/// </summary>
public sealed class RelationRouteTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_cards_board_list_and_members_are_the_ones_it_names()
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        var card = (JsonObject)cards[0]!;
        Assert.Equal((string?)board["id"], (string?)(await fixture.GetAsync($"cards/{card["id"]}/board")).Obj["id"]);
        var list = (await fixture.GetAsync($"cards/{card["id"]}/list?fields=name,idBoard")).Obj;
        Assert.Equal((string?)card["idList"], (string?)list["id"]);
        Assert.Equal(["id", "name", "idBoard"], list.Select(p => p.Key));
        Assert.Equal((string?)board["id"], (string?)(await fixture.GetAsync($"lists/{card["idList"]}/board")).Obj["id"]);
        Assert.Equal(card["idMembers"]!.AsArray().Count, (await fixture.GetAsync($"cards/{card["id"]}/members")).Array.Count);
        Assert.Equal(404, (await fixture.GetAsync("cards/5f0000000000000000000000/board")).Status);
    }

    [Fact]
    public async Task a_boards_memberships_are_its_members_with_their_types()
    {
        var (board, _, _) = await fixture.FirstBoardAsync();
        var memberships = (await fixture.GetAsync($"boards/{board["id"]}/memberships")).Array;
        var members = (await fixture.GetAsync($"boards/{board["id"]}/members")).Array;
        Assert.Equal(members.Select(m => (string?)m!["id"]).Order(), memberships.Select(m => (string?)m!["idMember"]).Order());
        Assert.All(memberships, m => Assert.NotNull((string?)m!["memberType"]));
    }

    [Fact]
    public async Task a_members_cards_are_the_cards_it_is_on()
    {
        var (_, _, cards) = await fixture.FirstBoardAsync();
        var me = (string)(await fixture.GetAsync("members/me")).Obj["id"]!;
        var expected = cards.Where(c => c!["idMembers"]!.AsArray().Any(m => (string?)m == me)).Select(c => (string?)c!["id"]);
        var mine = (await fixture.GetAsync("members/me/cards")).Array.Select(c => (string?)c!["id"]);
        Assert.Subset(mine.ToHashSet(), expected.ToHashSet());
    }

    [Fact]
    public async Task an_actions_board_card_list_and_creator_are_the_ones_in_its_data()
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        var comment = (await fixture.PostAsync($"cards/{cards[0]!["id"]}/actions/comments?text=Hei")).Obj;
        var id = (string)comment["id"]!;
        Assert.Equal((string?)board["id"], (string?)(await fixture.GetAsync($"actions/{id}/board")).Obj["id"]);
        Assert.Equal((string?)cards[0]!["id"], (string?)(await fixture.GetAsync($"actions/{id}/card")).Obj["id"]);
        Assert.Equal((string?)cards[0]!["idList"], (string?)(await fixture.GetAsync($"actions/{id}/list")).Obj["id"]);
        Assert.Equal((string?)comment["idMemberCreator"], (string?)(await fixture.GetAsync($"actions/{id}/memberCreator")).Obj["id"]);
        // A comment carries no organization, so there is none to read.
        Assert.Equal(404, (await fixture.GetAsync($"actions/{id}/organization")).Status);
    }
}
