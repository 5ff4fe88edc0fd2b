using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Trello.Tests.Connector;

public sealed class IncrementalReadTests(TrelloConnectorFixture fixture) : ConnectorTests(fixture)
{
    [Fact]
    public async Task an_edited_workspace_comes_again_and_a_deleted_one_arrives_as_deleted()
    {
        var connector = Fixture.Create();
        var full = await ReadAllAsync(connector, "organization", ConnectorCursor.None);
        var edit = await Fixture.PersonEditAsync("organization");
        var victim = full.Records.Select(r => r.Id).Last(id => id != edit.Id);
        await Fixture.Emulator.Admin.DeleteAsync("organizations", victim);

        var changes = await ReadAllAsync(connector, "organization", full.Cursor);

        Assert.Null(changes.Stopped);
        Assert.Equal(2, changes.Records.Count);
        Assert.Equal(edit.Value!.ToJsonString(), changes.Records.Single(r => r.Id == edit.Id).Properties["desc"]!.ToJsonString());
        Assert.True(changes.Records.Single(r => r.Id == victim).Deleted);
        Assert.Empty((await ReadAllAsync(connector, "organization", changes.Cursor)).Records);
    }

    [Fact]
    public async Task an_edited_member_comes_again_and_one_who_left_every_workspace_arrives_as_deleted()
    {
        var connector = Fixture.Create();
        var full = await ReadAllAsync(connector, "member", ConnectorCursor.None);
        var edit = await Fixture.PersonEditAsync("member");
        var victim = full.Records.Select(r => r.Id).Last(id => id != edit.Id && id != Fixture.MeId);
        await Fixture.Emulator.Admin.DeleteAsync("members", victim);

        var changes = await ReadAllAsync(connector, "member", full.Cursor);

        Assert.Null(changes.Stopped);
        Assert.Equal(edit.Value!.ToJsonString(), changes.Records.Single(r => r.Id == edit.Id).Properties["bio"]!.ToJsonString());
        Assert.True(changes.Records.Single(r => r.Id == victim).Deleted);
        Assert.Equal(2, changes.Records.Count);
    }

    [Fact]
    public async Task new_edited_and_deleted_comments_of_the_action_card_come_and_other_cards_stay_out()
    {
        var connector = Fixture.Create();
        var first = await PersonCommentsAsync("Første");
        var full = await ReadAllAsync(connector, "action", ConnectorCursor.None);
        var added = await PersonCommentsAsync("Ny kommentar");
        await Fixture.Emulator.Admin.EditAsync("actions", first, new JsonObject { ["text"] = "Første, rettet" });
        var seeded = (string)(await Fixture.CommentsAsync()).First(c => (string)c["id"]! != first && (string)c["id"]! != added)["id"]!;
        await Fixture.Emulator.Admin.DeleteAsync("actions", seeded);
        var otherCard = (string)(await Fixture.Emulator.Admin.ListAsync("cards")).First(c => (string)c["id"]! != Fixture.ActionCardId)["id"]!;
        await PersonCommentsAsync("Ikke min", otherCard);

        var changes = await ReadAllAsync(connector, "action", full.Cursor);

        Assert.Null(changes.Stopped);
        Assert.Empty(changes.Problems);
        Assert.Equal(new[] { first, added, seeded }.Order(StringComparer.Ordinal), changes.Records.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal("Første, rettet", (string)changes.Records.Single(r => r.Id == first).Properties["data"]!["text"]!);
        Assert.Equal("Ny kommentar", (string)changes.Records.Single(r => r.Id == added).Properties["data"]!["text"]!);
        var deleted = changes.Records.Single(r => r.Id == seeded);
        Assert.True(deleted.Deleted);
        Assert.Equal(Fixture.ActionCardId, (string)deleted.Properties["data"]!["card"]!);
        Assert.Empty((await ReadAllAsync(connector, "action", changes.Cursor)).Records);
    }

    [Fact]
    public async Task comments_page_newest_first_and_a_read_resumes_from_a_page_it_saved()
    {
        foreach (var n in Enumerable.Range(1, 4))
        {
            await PersonCommentsAsync($"Kommentar {n}");
        }
        var expected = await Fixture.ExpectedIdsAsync("action");
        var connector = Fixture.Create(change: o => Fixture.Options(actionPageSize: 2));

        var first = await FirstPageAsync(connector, "action", ConnectorCursor.None);
        await PersonCommentsAsync("Under lesingen");
        var rest = await ReadAllAsync(connector, "action", first.Cursor);
        var after = await ReadAllAsync(connector, "action", rest.Cursor);

        Assert.Equal(2, first.Records.Count);
        Assert.True(rest.Pages >= 2);
        Assert.Equal(expected, first.Records.Concat(rest.Records).Select(r => r.Id).ToHashSet());
        // The comment made while the listing was under way is newer than its top: the next read brings it.
        Assert.Equal("Under lesingen", (string)Assert.Single(after.Records).Properties["data"]!["text"]!);
    }

    [Fact]
    public async Task a_read_keeps_every_field_and_turns_trellos_compact_references_into_ids()
    {
        var connector = Fixture.Create();
        var org = (await ReadAllAsync(connector, "organization", ConnectorCursor.None)).Records[0];
        var stored = await Fixture.Emulator.Admin.GetAsync("organizations", org.Id);
        Assert.True(JsonNode.DeepEquals(stored, org.Properties), "an organization is passed on exactly as the API gives it");
        Assert.Equal(DateTimeOffset.Parse((string)stored!["dateLastActivity"]!, System.Globalization.CultureInfo.InvariantCulture), org.ModifiedAt);

        var comment = (await ReadAllAsync(connector, "action", ConnectorCursor.None)).Records[0];
        var data = comment.Properties["data"]!.AsObject();
        Assert.Equal(Fixture.ActionCardId, (string)data["card"]!);
        Assert.Equal(System.Text.Json.JsonValueKind.String, data["board"]!.GetValueKind());
        Assert.Equal(comment.Properties["idMemberCreator"]!.ToJsonString(), comment.Properties["memberCreator"]!.ToJsonString());
        Assert.NotNull(data["textData"]);
    }

    [Fact]
    public async Task a_deleted_action_card_is_looked_for_again_by_name()
    {
        var connector = Fixture.Create();
        var full = await ReadAllAsync(connector, "action", ConnectorCursor.None);
        await Fixture.Emulator.Admin.DeleteAsync("cards", Fixture.ActionCardId);

        var after = await ReadAllAsync(connector, "action", full.Cursor);

        Assert.Null(after.Stopped);
        Assert.Empty(after.Records);
        // Nothing of that name is left: the next write creates the card, and reads find it from the start.
        var created = await connector.CreateAsync("action", new CreateRequest(new JsonObject { ["text"] = "Etter slettingen" }, "k"), default);
        Assert.True(created.Succeeded, created.Failure?.Message);
        var again = await ReadAllAsync(connector, "action", after.Cursor);
        Assert.Equal(created.Record!.Id, Assert.Single(again.Records).Id);
    }

    [Fact]
    public async Task a_cursor_written_for_another_action_card_is_not_continued()
    {
        var old = await ReadAllAsync(Fixture.Create(), "action", ConnectorCursor.None);
        var moved = Fixture.Create(change: _ => Fixture.Options(card: new TrelloCardLocation()));
        var created = await moved.CreateAsync("action", new CreateRequest(new JsonObject { ["text"] = "På det nye kortet" }, "k"), default);

        var read = await ReadAllAsync(moved, "action", old.Cursor);

        Assert.Null(read.Stopped);
        Assert.Equal(created.Record!.Id, Assert.Single(read.Records).Id);
    }

    [Theory]
    [InlineData("{not json", 1)]
    [InlineData("{\"datatype\":\"member\",\"seen\":{},\"organizations\":[],\"boards\":[]}", 1)]
    [InlineData("{}", 2)]
    public async Task an_unreadable_cursor_or_one_of_another_datatype_or_format_means_a_full_read(string value, int format)
    {
        var read = await ReadAllAsync(Fixture.Create(), "organization", new ConnectorCursor(value, format));
        Assert.Null(read.Stopped);
        Assert.Equal(await Fixture.ExpectedIdsAsync("organization"), read.Records.Select(r => r.Id).ToHashSet());
    }
}
