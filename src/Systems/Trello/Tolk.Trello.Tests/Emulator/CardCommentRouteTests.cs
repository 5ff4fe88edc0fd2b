using System.Text.Json.Nodes;

namespace Tolk.Trello.Tests.Emulator;

/// <summary>
/// The comment routes trello.js (the most used JavaScript client) calls beside <c>/actions/{id}</c>: edit and removal
/// through the comment's card, and <c>PUT /actions/{id}/text</c>. The emulator first answered them 404.
/// </summary>
public sealed class CardCommentRouteTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_comment_is_edited_through_its_card_and_the_edit_is_recorded()
    {
        var (board, _, cards) = await fixture.FirstBoardAsync();
        var card = (string)cards[0]!["id"]!;
        var comment = (await fixture.PostAsync($"cards/{card}/actions/comments?text=F%C3%B8r")).Obj;
        var edited = await fixture.PutAsync($"cards/{card}/actions/{comment["id"]}/comments?text=Etter");
        Assert.Equal(200, edited.Status);
        Assert.Equal("Etter", (string?)edited.Obj["data"]!["text"]);
        Assert.Equal("Etter", (string?)(await fixture.GetAsync($"actions/{comment["id"]}")).Obj["data"]!["text"]);
        var update = (JsonObject)(await fixture.GetAsync($"boards/{board["id"]}/actions?filter=updateComment")).Array[0]!;
        Assert.Equal("Før", (string?)update["data"]!["old"]!["text"]);
    }

    [Fact]
    public async Task a_comment_is_deleted_through_its_card()
    {
        var (_, _, cards) = await fixture.FirstBoardAsync();
        var card = (string)cards[0]!["id"]!;
        var comment = (await fixture.PostAsync($"cards/{card}/actions/comments?text=Bort")).Obj;
        var reply = await fixture.DeleteAsync($"cards/{card}/actions/{comment["id"]}/comments");
        Assert.Equal("{\"_value\":null}", reply.Body);
        Assert.Equal(404, (await fixture.GetAsync($"actions/{comment["id"]}")).Status);
    }

    [Fact]
    public async Task a_comment_addressed_through_another_card_is_not_found()
    {
        var (_, _, cards) = await fixture.FirstBoardAsync();
        var comment = (await fixture.PostAsync($"cards/{cards[0]!["id"]}/actions/comments?text=Her")).Obj;
        Assert.Equal(404, (await fixture.PutAsync($"cards/{cards[1]!["id"]}/actions/{comment["id"]}/comments?text=Der")).Status);
        Assert.Equal(404, (await fixture.DeleteAsync($"cards/{cards[1]!["id"]}/actions/{comment["id"]}/comments")).Status);
        Assert.Equal("Her", (string?)(await fixture.GetAsync($"actions/{comment["id"]}")).Obj["data"]!["text"]);
    }

    [Fact]
    public async Task put_action_text_takes_the_new_text_as_value()
    {
        var (_, _, cards) = await fixture.FirstBoardAsync();
        var comment = (await fixture.PostAsync($"cards/{cards[0]!["id"]}/actions/comments?text=F%C3%B8r")).Obj;
        var edited = await fixture.PutAsync($"actions/{comment["id"]}/text?value=Etter");
        Assert.Equal(200, edited.Status);
        Assert.Equal("Etter", (string?)edited.Obj["data"]!["text"]);
        Assert.Equal(400, (await fixture.PutAsync($"actions/{comment["id"]}/text")).Status);
    }
}
