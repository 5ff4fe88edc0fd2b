using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Emulation.Faults;

namespace Tolk.Trello.Tests.Connector;

public sealed class LostCreateTests(TrelloConnectorFixture fixture) : ConnectorTests(fixture)
{
    private static JsonObject Workspace() => new() { ["displayName"] = "Tapt Svar AS", ["desc"] = "Forsvant på veien", ["website"] = "https://tapt.example" };

    private static CreateRequest Comment(string text, string key) => new(new JsonObject { ["data"] = new JsonObject { ["text"] = text } }, key);

    [Fact]
    public async Task a_workspace_whose_every_answer_is_lost_is_found_by_its_match_fields_without_a_second_insert()
    {
        var connector = Fixture.Create();
        await ReadAllAsync(connector, "organization", ConnectorCursor.None);
        var before = await Fixture.ExpectedIdsAsync("organization");
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Probability: 1, Times: 10));
        var request = new CreateRequest(Workspace(), "intent-1", new Dictionary<string, string> { ["displayName"] = "tapt svar as" });

        var outcome = await connector.CreateAsync("organization", request, default);

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        var created = Assert.Single((await Fixture.ExpectedIdsAsync("organization")).Except(before));
        Assert.Equal(created, outcome.Record!.Id);
    }

    [Fact]
    public async Task a_comment_whose_answer_is_lost_is_found_by_its_text_and_author()
    {
        var connector = Fixture.Create();
        await ReadAllAsync(connector, "action", ConnectorCursor.None);
        await PersonCommentsAsync("Samme tekst"); // a person's comment with the same text is not the one we made
        var before = await Fixture.ExpectedIdsAsync("action");
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Nth: 1));

        var outcome = await connector.CreateAsync("action", Comment("Samme tekst", "intent-2"), default);

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        var created = Assert.Single((await Fixture.ExpectedIdsAsync("action")).Except(before));
        Assert.Equal(created, outcome.Record!.Id);
        Assert.Equal(Fixture.MeId, (string)outcome.Record.Properties["idMemberCreator"]!);
    }

    [Fact]
    public async Task a_repeated_create_of_the_same_intent_returns_the_first_record()
    {
        var connector = Fixture.Create();
        var first = await connector.CreateAsync("organization", new CreateRequest(Workspace(), "intent-3"), default);
        var again = await connector.CreateAsync("organization", new CreateRequest(Workspace(), "intent-3"), default);
        var comment = await connector.CreateAsync("action", Comment("Én gang", "intent-4"), default);
        var commentAgain = await connector.CreateAsync("action", Comment("Én gang", "intent-4"), default);

        Assert.Equal(first.Record!.Id, again.Record!.Id);
        Assert.Equal(comment.Record!.Id, commentAgain.Record!.Id);
        Assert.Single(await Fixture.Emulator.Admin.ListAsync("organizations"), o => (string?)o["displayName"] == "Tapt Svar AS");
    }

    [Fact]
    public async Task after_a_restart_find_created_looks_within_the_recovery_window_and_returns_null_when_nothing_was_made()
    {
        var request = new CreateRequest(Workspace(), "intent-5");
        Assert.Null(await Fixture.Create().FindCreatedAsync("organization", request, default));
        var created = await Fixture.Create().CreateAsync("organization", request, default);

        var restarted = Fixture.Create();
        Assert.Equal(created.Record!.Id, (await restarted.FindCreatedAsync("organization", request, default))?.Id);
        Assert.Null(await restarted.FindCreatedAsync("member", new CreateRequest(new JsonObject { ["fullName"] = "X" }, "intent-6"), default));
    }

    [Fact]
    public async Task a_create_answered_with_a_server_error_is_looked_for_before_it_is_reported_as_not_made()
    {
        var connector = Fixture.Create();
        var before = await Fixture.ExpectedIdsAsync("organization");
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "POST", Nth: 1, Status: 500));
        var request = new CreateRequest(Workspace(), "intent-7");

        var failed = await connector.CreateAsync("organization", request, default);
        Assert.Equal(FailureKind.Unavailable, failed.Failure?.Kind);
        Assert.Equal(before, await Fixture.ExpectedIdsAsync("organization"));
        var retried = await connector.CreateAsync("organization", request, default);

        Assert.True(retried.Succeeded, retried.Failure?.Message);
        Assert.Single((await Fixture.ExpectedIdsAsync("organization")).Except(before));
    }
}
