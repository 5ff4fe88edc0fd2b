using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Emulation.Faults;

namespace Tolk.Trello.Tests.Connector;

public sealed class WriteFailureTests(TrelloConnectorFixture fixture) : ConnectorTests(fixture)
{
    private static CreateRequest Create(JsonObject fields) => new(fields, Guid.NewGuid().ToString("N"));

    private async Task<string> SomeMemberAsync() =>
        (await Fixture.ExpectedIdsAsync("member")).Where(id => id != Fixture.MeId).Order(StringComparer.Ordinal).First();

    [Fact]
    public async Task a_member_can_be_updated_but_not_created_or_deleted_as_declared()
    {
        var connector = Fixture.Create();
        var member = await SomeMemberAsync();
        var info = connector.Datatypes.Single(d => d.Name == "member");

        var updated = await connector.UpdateAsync("member", member, new JsonObject { ["fullName"] = "Kari Nordmann", ["initials"] = "KN" }, default);
        var created = await connector.CreateAsync("member", Create(new JsonObject { ["fullName"] = "Ny Person" }), default);
        var deleted = await connector.DeleteAsync("member", member, default);

        Assert.True(info.Can(Capabilities.Update));
        Assert.False(info.Can(Capabilities.Create) || info.Can(Capabilities.Delete));
        Assert.True(updated.Succeeded, updated.Failure?.Message);
        Assert.Equal("Kari Nordmann", (string)updated.Record!.Properties["fullName"]!);
        Assert.Equal(FailureKind.NotSupported, created.Failure?.Kind);
        Assert.Equal(FailureKind.NotSupported, deleted.Failure?.Kind);
        Assert.NotNull(await Fixture.Emulator.Admin.GetAsync("members", member));
    }

    [Fact]
    public async Task a_field_the_api_cannot_write_is_refused_naming_it_before_any_call()
    {
        var before = await Fixture.Emulator.Admin.CallCountAsync();
        var org = await Fixture.Create().UpdateAsync("organization", "65e991880a68e7575e000041", new JsonObject { ["url"] = "https://x.example" }, default);
        var member = await Fixture.Create().UpdateAsync("member", "65e991880a68e7575e000041", new JsonObject { ["email"] = "a@b.example" }, default);
        var shape = await Fixture.Create().UpdateAsync("organization", "65e991880a68e7575e000041", new JsonObject { ["desc"] = new JsonArray() }, default);

        Assert.Equal(("url", FailureKind.Rejected), (org.Failure?.Field, org.Failure!.Kind));
        Assert.Equal(("email", FailureKind.Rejected), (member.Failure?.Field, member.Failure!.Kind));
        Assert.Equal(("desc", FailureKind.Rejected), (shape.Failure?.Field, shape.Failure!.Kind));
        Assert.Equal(before, await Fixture.Emulator.Admin.CallCountAsync());
    }

    [Fact]
    public async Task trellos_refusals_name_the_field()
    {
        var connector = Fixture.Create();
        var members = (await Fixture.ExpectedIdsAsync("member")).Where(id => id != Fixture.MeId).Order(StringComparer.Ordinal).ToList();
        var taken = (string)(await Fixture.Emulator.Admin.GetAsync("members", members[1]))!["username"]!;

        var noName = await connector.CreateAsync("organization", Create(new JsonObject { ["desc"] = "Uten navn" }), default);
        var badWebsite = await connector.CreateAsync("organization", Create(new JsonObject { ["displayName"] = "X AS", ["website"] = "ikke en url" }), default);
        var shortName = await connector.UpdateAsync("member", members[0], new JsonObject { ["username"] = "ab" }, default);
        var takenName = await connector.UpdateAsync("member", members[0], new JsonObject { ["username"] = taken }, default);

        Assert.Equal(("displayName", FailureKind.Rejected), (noName.Failure?.Field, noName.Failure!.Kind));
        Assert.Equal(("website", FailureKind.Rejected), (badWebsite.Failure?.Field, badWebsite.Failure!.Kind));
        Assert.Equal(("username", FailureKind.Rejected), (shortName.Failure?.Field, shortName.Failure!.Kind));
        Assert.Equal(("username", FailureKind.Conflict), (takenName.Failure?.Field, takenName.Failure!.Kind));
    }

    [Fact]
    public async Task trello_normalises_a_workspace_name_and_the_record_shows_what_it_kept()
    {
        var created = await Fixture.Create().CreateAsync("organization",
            Create(new JsonObject { ["displayName"] = "Ærlig Bygg AS", ["name"] = "Ærlig Bygg AS" }), default);
        Assert.True(created.Succeeded, created.Failure?.Message);
        var name = (string)created.Record!.Properties["name"]!;
        Assert.Matches("^[a-z0-9_]{3,}$", name);
        Assert.Equal("Ærlig Bygg AS", (string)created.Record.Properties["displayName"]!);
    }

    [Fact]
    public async Task a_record_that_is_not_there_is_not_found_and_a_malformed_comment_id_is_refused()
    {
        var connector = Fixture.Create();
        var missing = await connector.UpdateAsync("organization", "65e991880a68e7575e00ffff", new JsonObject { ["desc"] = "x" }, default);
        var malformed = await connector.DeleteAsync("action", "not-an-id", default);
        Assert.Equal(FailureKind.NotFound, missing.Failure?.Kind);
        Assert.Equal(FailureKind.Rejected, malformed.Failure?.Kind);
        Assert.Equal("id", malformed.Failure!.Field);
    }

    [Fact]
    public async Task a_system_that_keeps_failing_is_unavailable_and_one_that_keeps_throttling_is_rate_limited()
    {
        // A short window, so the wait the 429s ask for is short too.
        await Fixture.Emulator.Admin.SetSettingsAsync(new JsonObject { ["tokenIntervalMs"] = 300 });
        var connector = Fixture.Create(change: _ => Fixture.Options(maxRetries: 1));
        var org = (await Fixture.ExpectedIdsAsync("organization")).First();
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PUT", Probability: 1, Times: 2, Status: 503));
        var failing = await connector.UpdateAsync("organization", org, new JsonObject { ["desc"] = "x" }, default);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PUT", Probability: 1, Times: 2, Status: 429));
        var throttled = await connector.UpdateAsync("organization", org, new JsonObject { ["desc"] = "x" }, default);

        Assert.Equal(FailureKind.Unavailable, failing.Failure?.Kind);
        Assert.Equal(FailureKind.RateLimited, throttled.Failure?.Kind);
        Assert.NotNull(throttled.Failure!.RetryAfter);
    }

    [Fact]
    public async Task rejected_credentials_fail_every_write_after_one_call_and_other_connectors_carry_on()
    {
        var bad = Fixture.Create(badCredentials: true);
        var before = await Fixture.Emulator.Admin.CallCountAsync();
        var first = await bad.UpdateAsync("organization", "65e991880a68e7575e000041", new JsonObject { ["desc"] = "x" }, default);
        var second = await bad.CreateAsync("organization", Create(new JsonObject { ["displayName"] = "Y AS" }), default);

        Assert.Equal(FailureKind.CredentialsRejected, first.Failure?.Kind);
        Assert.Equal(FailureKind.CredentialsRejected, second.Failure?.Kind);
        Assert.StartsWith("credentials rejected for trello: ", first.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.Emulator.Admin.CallCountAsync() - before);
        Assert.NotNull(bad.CredentialsRejected);
        Assert.Null((await ReadAllAsync(Fixture.Create(), "organization", ConnectorCursor.None)).Stopped);
    }

    [Fact]
    public async Task a_datatype_trello_does_not_have_is_not_supported()
    {
        var connector = Fixture.Create();
        Assert.Equal(FailureKind.NotSupported, (await connector.CreateAsync("board", Create([]), default)).Failure?.Kind);
        Assert.Equal(FailureKind.NotSupported, (await ReadAllAsync(connector, "board", ConnectorCursor.None)).Stopped?.Kind);
    }
}
