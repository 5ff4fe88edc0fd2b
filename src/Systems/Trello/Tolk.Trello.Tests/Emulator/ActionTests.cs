using System.Text.Json.Nodes;

namespace Tolk.Trello.Tests.Emulator;

public sealed class ActionTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<string>> IdsAsync(string path) =>
        (await fixture.GetAsync(path)).Array.Select(a => (string)a!["id"]!).ToList();

    private async Task<(JsonObject Board, JsonObject Card)> BoardWithManyActionsAsync(int comments)
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        var card = (JsonObject)cards[0]!;
        for (var i = 0; i < comments; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(200, (await fixture.PostAsync($"cards/{card["id"]}/actions/comments?text=Kommentar%20{i}")).Status);
        }
        return (board, card);
    }

    [Fact]
    public async Task actions_come_newest_first_fifty_by_default()
    {
        var (board, _) = await BoardWithManyActionsAsync(60);
        var ids = await IdsAsync($"boards/{board["id"]}/actions");
        Assert.Equal(50, ids.Count);
        Assert.Equal(ids.OrderByDescending(i => i, StringComparer.Ordinal), ids);
        var dates = (await fixture.GetAsync($"boards/{board["id"]}/actions")).Array.Select(a => (string)a!["date"]!).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task limit_page_since_and_before_page_through_the_feed()
    {
        var (board, _) = await BoardWithManyActionsAsync(30);
        var all = await IdsAsync($"boards/{board["id"]}/actions?limit=1000");
        var page1 = await IdsAsync($"boards/{board["id"]}/actions?limit=10&page=1");
        Assert.Equal(all.Skip(10).Take(10), page1);
        var before = await IdsAsync($"boards/{board["id"]}/actions?limit=5&before={all[4]}");
        Assert.Equal(all.Skip(5).Take(5), before);
        var since = await IdsAsync($"boards/{board["id"]}/actions?since={all[3]}&limit=1000");
        Assert.Equal(all.Take(3), since);
        var first = (JsonObject)(await fixture.GetAsync($"actions/{all[2]}")).Obj;
        var byDate = await IdsAsync($"boards/{board["id"]}/actions?since={first["date"]}&limit=1000");
        Assert.Contains(all[2], byDate);
        Assert.DoesNotContain(all[^1], byDate);
    }

    [Fact]
    public async Task filter_selects_types_and_type_field_updates()
    {
        var (board, lists, cards) = await fixture.FirstBoardAsync();
        await fixture.PutAsync($"cards/{cards[0]!["id"]}?idList={lists[0]!["id"]}&name=Moved");
        await fixture.PutAsync($"cards/{cards[0]!["id"]}?desc=Only%20the%20description");
        var comments = (await fixture.GetAsync($"boards/{board["id"]}/actions?filter=commentCard")).Array;
        Assert.All(comments, a => Assert.Equal("commentCard", (string?)a!["type"]));
        var moves = (await fixture.GetAsync($"boards/{board["id"]}/actions?filter=updateCard:idList")).Array;
        Assert.Single(moves);
        var both = (await fixture.GetAsync($"boards/{board["id"]}/actions?filter=updateCard,createList")).Array;
        Assert.Equal(5, both.Count);
    }

    [Fact]
    public async Task a_cards_actions_default_to_comments_and_moves()
    {
        var (_, lists, cards) = await fixture.FirstBoardAsync();
        var card = cards[0]!;
        await fixture.PutAsync($"cards/{card["id"]}?name=Renamed");
        await fixture.PutAsync($"cards/{card["id"]}?idList={lists[1]!["id"]}");
        await fixture.PostAsync($"cards/{card["id"]}/actions/comments?text=Hei");
        var types = (await fixture.GetAsync($"cards/{card["id"]}/actions")).Array.Select(a => (string?)a!["type"]).ToList();
        Assert.DoesNotContain("createCard", types);
        Assert.Equal(["commentCard", "updateCard"], types.Take(2));
        var all = (await fixture.GetAsync($"cards/{card["id"]}/actions?filter=all")).Array.Select(a => (string?)a!["type"]).ToList();
        Assert.Contains("createCard", all);
    }

    [Fact]
    public async Task every_action_carries_its_creator_and_member_creator_can_be_left_out()
    {
        var (board, _) = await BoardWithManyActionsAsync(1);
        var me = (await fixture.GetAsync("members/me")).Obj;
        var action = (JsonObject)(await fixture.GetAsync($"boards/{board["id"]}/actions?limit=1")).Array[0]!;
        Assert.Equal((string?)me["id"], (string?)action["idMemberCreator"]);
        Assert.Equal("tolksync", (string?)action["memberCreator"]!["username"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string?)action["date"]);
        var bare = (JsonObject)(await fixture.GetAsync($"boards/{board["id"]}/actions?limit=1&memberCreator=false&fields=type,date")).Array[0]!;
        Assert.Equal(["id", "type", "date"], bare.Select(kv => kv.Key));
    }

    [Fact]
    public async Task workspace_and_member_action_listings_include_their_boards_and_their_deeds()
    {
        var org = await fixture.FirstOrganizationAsync();
        var orgTypes = (await fixture.GetAsync($"organizations/{org["id"]}/actions?limit=1000")).Array.Select(a => (string?)a!["type"]).ToHashSet();
        Assert.Contains("createOrganization", orgTypes);
        Assert.Contains("createCard", orgTypes);
        var mine = (await fixture.GetAsync("members/me/actions?limit=1000")).Array;
        var me = (await fixture.GetAsync("members/me")).Obj;
        Assert.All(mine, a => Assert.Equal((string?)me["id"], (string?)a!["idMemberCreator"]));
    }

    [Fact]
    public async Task an_action_id_encodes_its_creation_second()
    {
        var (_, card) = await BoardWithManyActionsAsync(0);
        var comment = (await fixture.PostAsync($"cards/{card["id"]}/actions/comments?text=Tid")).Obj;
        var seconds = Convert.ToInt64(((string)comment["id"]!)[..8], 16);
        Assert.Equal(fixture.Time.GetUtcNow().ToUnixTimeSeconds(), seconds);
    }
}
