using System.Text.Json.Nodes;
using Tolk.Connectors;
using Xunit.Abstractions;

namespace Tolk.Trello.Tests.Connector;

public sealed class CallCountTests(TrelloConnectorFixture fixture, ITestOutputHelper output) : ConnectorTests(fixture)
{
    [Fact]
    public async Task an_unchanged_incremental_read_costs_one_call_per_datatype_and_an_edit_costs_nothing_more()
    {
        var connector = Fixture.Create();
        var cursors = new Dictionary<string, ConnectorCursor>();
        var start = await Fixture.Emulator.Admin.CallCountAsync();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            cursors[datatype] = (await ReadAllAsync(connector, datatype, ConnectorCursor.None)).Cursor;
        }
        var full = await Fixture.Emulator.Admin.CallCountAsync() - start;

        var member = await Fixture.PersonEditAsync("member");
        var org = await Fixture.PersonEditAsync("organization");
        var before = await Fixture.Emulator.Admin.CallCountAsync();
        var changed = new List<ConnectorRecord>();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            changed.AddRange((await ReadAllAsync(connector, datatype, cursors[datatype])).Records);
        }
        var incremental = await Fixture.Emulator.Admin.CallCountAsync() - before;

        output.WriteLine($"full read of {Fixture.ReadDatatypes.Count} datatypes: {full} calls; incremental after two edits: {incremental} calls, {changed.Count} records");
        // organization 1; member 2 (the workspace list, then its members' listings: the cursor did not know them yet);
        // action 3 (find the card: member and boards, then lists and cards; then its comments).
        Assert.Equal(6, full);
        Assert.Equal(Fixture.ReadDatatypes.Count, incremental);
        Assert.Equal(new[] { member.Id, org.Id }.Order(StringComparer.Ordinal), changed.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task the_members_of_every_workspace_come_in_one_batch_call()
    {
        var connector = Fixture.Create();
        var cursor = (await ReadAllAsync(connector, "member", ConnectorCursor.None)).Cursor;
        var before = await Fixture.Emulator.Admin.CallCountAsync();
        await ReadAllAsync(connector, "member", cursor);
        var call = Assert.Single(await CallsSinceAsync(before));
        Assert.Equal("/1/batch", call.Path);
        var organizations = (await Fixture.Emulator.Admin.GetAsync("members", Fixture.MeId))!["idOrganizations"]!.AsArray().Count;
        Assert.True(organizations >= 2, "the sample must have several workspaces for this test to mean anything");
        Assert.Equal(organizations, Uri.UnescapeDataString(call.Query).Split("/members?", StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public async Task a_write_costs_one_call_once_the_action_card_is_known()
    {
        var connector = Fixture.Create();
        await ReadAllAsync(connector, "action", ConnectorCursor.None);
        var before = await Fixture.Emulator.Admin.CallCountAsync();
        var created = await connector.CreateAsync("action", new CreateRequest(new JsonObject { ["data"] = new JsonObject { ["text"] = "Prosjekt X" } }, "k1"), default);
        var updated = await connector.UpdateAsync("organization", (await Fixture.ExpectedIdsAsync("organization")).First(),
            new JsonObject { ["desc"] = "Ny beskrivelse" }, default);
        Assert.True(created.Succeeded && updated.Succeeded, created.Failure?.Message ?? updated.Failure?.Message);
        Assert.Equal(2, await Fixture.Emulator.Admin.CallCountAsync() - before);
    }
}
