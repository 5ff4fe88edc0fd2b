using System.Text.Json.Nodes;

namespace Tolk.Trello.Tests.Emulator;

public sealed class CommentTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_comment_is_a_comment_card_action_on_the_card_with_its_board_and_list()
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        var card = cards[0]!;
        var reply = await fixture.PostAsync($"cards/{card["id"]}/actions/comments?text=Prosjekt%20A%0A%0ABeskrivelse");
        Assert.Equal(200, reply.Status);
        var action = reply.Obj;
        Assert.Equal("commentCard", (string?)action["type"]);
        Assert.Equal("Prosjekt A\n\nBeskrivelse", (string?)action["data"]!["text"]);
        Assert.Equal((string?)card["id"], (string?)action["data"]!["card"]!["id"]);
        Assert.Equal((string?)board["id"], (string?)action["data"]!["board"]!["id"]);
        Assert.Equal((string?)card["idList"], (string?)action["data"]!["list"]!["id"]);
        var after = (await fixture.GetAsync($"cards/{card["id"]}")).Obj;
        Assert.Equal(card["badges"]!["comments"]!.GetValue<int>() + 1, after["badges"]!["comments"]!.GetValue<int>());
    }

    [Fact]
    public async Task editing_a_comment_changes_its_text_and_records_update_comment()
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        var comment = (await fixture.PostAsync($"cards/{cards[0]!["id"]}/actions/comments?text=Før")).Obj;
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var edited = (await fixture.PutAsync($"actions/{comment["id"]}?text=Etter")).Obj;
        Assert.Equal("Etter", (string?)edited["data"]!["text"]);
        Assert.Equal((string?)comment["id"], (string?)edited["id"]);
        Assert.NotNull((string?)edited["data"]!["dateLastEdited"]);
        var update = (JsonObject)(await fixture.GetAsync($"boards/{board["id"]}/actions?filter=updateComment")).Array[0]!;
        Assert.Equal("Før", (string?)update["data"]!["old"]!["text"]);
        Assert.Equal((string?)comment["id"], (string?)update["data"]!["action"]!["id"]);
        Assert.Equal("Etter", (string?)(await fixture.GetAsync($"actions/{comment["id"]}")).Obj["data"]!["text"]);
    }

    [Fact]
    public async Task deleting_a_comment_answers_value_null_and_records_delete_comment()
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        var comment = (await fixture.PostAsync($"cards/{cards[0]!["id"]}/actions/comments?text=Bort")).Obj;
        var reply = await fixture.DeleteAsync($"actions/{comment["id"]}");
        Assert.Equal("{\"_value\":null}", reply.Body);
        Assert.Equal(404, (await fixture.GetAsync($"actions/{comment["id"]}")).Status);
        var deleted = (JsonObject)(await fixture.GetAsync($"boards/{board["id"]}/actions?limit=1")).Array[0]!;
        Assert.Equal("deleteComment", (string?)deleted["type"]);
    }

    [Fact]
    public async Task actions_other_than_comments_never_change()
    {
        var (board, _, _) = await fixture.FirstBoardAsync();
        var create = (JsonObject)(await fixture.GetAsync($"boards/{board["id"]}/actions?filter=createCard")).Array[0]!;
        var put = await fixture.PutAsync($"actions/{create["id"]}?text=hack");
        Assert.Equal(401, put.Status);
        Assert.Equal("text/plain", put.ContentType);
        Assert.Equal(401, (await fixture.DeleteAsync($"actions/{create["id"]}")).Status);
        Assert.Null((string?)(await fixture.GetAsync($"actions/{create["id"]}")).Obj["data"]!["text"]);
    }

    [Fact]
    public async Task only_the_author_may_edit_a_comment()
    {
        var me = (string?)(await fixture.GetAsync("members/me")).Obj["id"];
        var others = new List<JsonNode?>();
        foreach (var org in (await fixture.GetAsync("members/me/organizations")).Array)
        {
            others.AddRange((await fixture.GetAsync($"organizations/{org!["id"]}/actions?filter=commentCard&limit=1000")).Array
                .Where(a => (string?)a!["idMemberCreator"] != me));
        }
        Assert.NotEmpty(others);
        var reply = await fixture.PutAsync($"actions/{others[0]!["id"]}?text=Not%20mine");
        Assert.Equal(401, reply.Status);
    }

    [Fact]
    public async Task a_comment_needs_text()
    {
        var (_, _, cards) = await fixture.FirstBoardAsync();
        var reply = await fixture.PostAsync($"cards/{cards[0]!["id"]}/actions/comments");
        Assert.Equal(400, reply.Status);
        Assert.Equal("invalid value for text", reply.Body);
        var empty = await fixture.PostAsync($"cards/{cards[0]!["id"]}/actions/comments?text=");
        Assert.Equal("invalid value for text", empty.Body);
    }
}
