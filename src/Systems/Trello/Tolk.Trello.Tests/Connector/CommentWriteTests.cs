using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Trello.Tests.Connector;

public sealed class CommentWriteTests(TrelloConnectorFixture fixture) : ConnectorTests(fixture)
{
    private static CreateRequest Comment(string text, string? key = null) =>
        new(new JsonObject { ["type"] = "commentCard", ["data"] = new JsonObject { ["text"] = text } }, key ?? Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task the_first_comment_creates_the_board_list_and_card_of_flow_12_and_later_ones_reuse_them()
    {
        var location = new TrelloCardLocation();
        var connector = Fixture.Create(change: _ => Fixture.Options(card: location));

        var first = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => connector.CreateAsync("action", Comment($"Prosjekt {i}"), default)));
        using var restarted = new TrelloConnector(Fixture.Options(card: location));
        var later = await restarted.CreateAsync("action", Comment("Prosjekt 4"), default);

        Assert.All(first.Append(later), c => Assert.True(c.Succeeded, c.Failure?.Message));
        var board = Assert.Single(await Fixture.Emulator.Admin.ListAsync("boards"), b => (string?)b["name"] == "Tolk");
        var list = Assert.Single(await Fixture.Emulator.Admin.ListAsync("lists"), l => (string?)l["idBoard"] == (string?)board["id"]);
        Assert.Equal("Projects", (string?)list["name"]);
        var card = Assert.Single(await Fixture.Emulator.Admin.ListAsync("cards"), c => (string?)c["idBoard"] == (string?)board["id"]);
        Assert.Equal("Customerp projects", (string?)card["name"]);
        Assert.All(first.Append(later), c => Assert.Equal((string)card["id"]!, (string)c.Record!.Properties["data"]!["card"]!));
        var read = await ReadAllAsync(restarted, "action", ConnectorCursor.None);
        Assert.Equal(first.Append(later).Select(c => c.Record!.Id).Order(StringComparer.Ordinal), read.Records.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task a_read_finds_no_comments_while_the_card_does_not_exist_and_creates_nothing()
    {
        var connector = Fixture.Create(change: _ => Fixture.Options(card: new TrelloCardLocation { Board = "Finnes ikke" }));
        var read = await ReadAllAsync(connector, "action", ConnectorCursor.None);
        Assert.Null(read.Stopped);
        Assert.Empty(read.Records);
        Assert.False(read.Cursor.IsNone);
        Assert.DoesNotContain(await Fixture.Emulator.Admin.ListAsync("boards"), b => (string?)b["name"] == "Finnes ikke");
    }

    [Fact]
    public async Task a_comment_is_edited_through_its_text_and_deleted_and_a_second_delete_is_not_found()
    {
        var connector = Fixture.Create();
        var created = await connector.CreateAsync("action", Comment("Navn\n\nBeskrivelse"), default);
        var id = created.Record!.Id;

        var edited = await connector.UpdateAsync("action", id, new JsonObject { ["data"] = new JsonObject { ["text"] = "Navn\n\nNy beskrivelse" } }, default);
        var deleted = await connector.DeleteAsync("action", id, default);
        var again = await connector.DeleteAsync("action", id, default);

        Assert.True(edited.Succeeded, edited.Failure?.Message);
        Assert.Equal("Navn\n\nNy beskrivelse", (string)edited.Record!.Properties["data"]!["text"]!);
        Assert.NotNull(edited.Record.Properties["data"]!["dateLastEdited"]);
        Assert.True(deleted.Succeeded, deleted.Failure?.Message);
        Assert.True(deleted.Record!.Deleted);
        Assert.Null(await Fixture.Emulator.Admin.GetAsync("actions", id));
        Assert.Equal(FailureKind.NotFound, again.Failure?.Kind);
    }

    [Fact]
    public async Task a_long_comment_goes_as_a_json_body_instead_of_a_query_string()
    {
        var text = string.Concat(Enumerable.Repeat("Lang beskrivelse av prosjektet. ", 300));
        var before = await Fixture.Emulator.Admin.CallCountAsync();
        var created = await Fixture.Create().CreateAsync("action", Comment(text), default);
        Assert.True(created.Succeeded, created.Failure?.Message);
        Assert.Equal(text, (string)created.Record!.Properties["data"]!["text"]!);
        var post = (await CallsSinceAsync(before)).Single(c => c.Method == "POST");
        Assert.DoesNotContain("text=", post.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task someone_elses_comment_is_refused_as_a_permission_and_the_credentials_stay_good()
    {
        var connector = Fixture.Create();
        var theirs = (string)(await Fixture.CommentsAsync()).Concat(await Fixture.Emulator.Admin.ListAsync("actions"))
            .First(a => (string?)a["type"] == "commentCard" && (string?)a["idMemberCreator"] != Fixture.MeId)["id"]!;

        var refused = await connector.UpdateAsync("action", theirs, new JsonObject { ["text"] = "Overskrevet" }, default);

        Assert.Equal(FailureKind.Rejected, refused.Failure?.Kind);
        Assert.Contains("permission", refused.Failure!.Message, StringComparison.Ordinal);
        Assert.Null(connector.CredentialsRejected);
        Assert.Null((await ReadAllAsync(connector, "organization", ConnectorCursor.None)).Stopped);
    }

    [Theory]
    [InlineData("{\"data\":{\"card\":\"65e991880a68e7575e000041\",\"text\":\"x\"}}", "data.card", FailureKind.Rejected)]
    [InlineData("{\"type\":\"updateCard\",\"text\":\"x\"}", "type", FailureKind.NotSupported)]
    [InlineData("{\"data\":{\"text\":\"\"}}", "data.text", FailureKind.Rejected)]
    [InlineData("{\"idMemberCreator\":\"65e991880a68e7575e000041\"}", "idMemberCreator", FailureKind.Rejected)]
    public async Task what_a_comment_cannot_take_is_refused_naming_the_field_before_any_call(string json, string field, FailureKind kind)
    {
        var before = await Fixture.Emulator.Admin.CallCountAsync();
        var outcome = await Fixture.Create().CreateAsync("action", new CreateRequest(JsonNode.Parse(json)!.AsObject(), "k"), default);
        Assert.Equal(kind, outcome.Failure?.Kind);
        Assert.Equal(field, outcome.Failure!.Field);
        Assert.Equal(before, await Fixture.Emulator.Admin.CallCountAsync());
    }
}
