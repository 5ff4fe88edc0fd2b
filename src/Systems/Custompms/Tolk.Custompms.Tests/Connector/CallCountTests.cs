using System.Text.Json.Nodes;
using Tolk.Connectors;
using Xunit.Abstractions;

namespace Tolk.Custompms.Tests.Connector;

public sealed class CallCountTests(CustompmsConnectorFixture fixture, ITestOutputHelper output) : ConnectorTests(fixture)
{
    [Fact]
    public async Task a_full_read_costs_the_head_and_one_call_per_page_and_an_incremental_read_one_change_log_call_per_datatype()
    {
        var connector = Fixture.Create(pageSize: 200);
        var cursors = new Dictionary<string, ConnectorCursor>();
        var start = await Fixture.Emulator.Admin.CallCountAsync();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            cursors[datatype] = (await ReadAllAsync(connector, datatype, ConnectorCursor.None)).Cursor;
        }
        var full = await Fixture.Emulator.Admin.CallCountAsync() - start;

        var before = await Fixture.Emulator.Admin.CallCountAsync();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            Assert.Empty((await ReadAllAsync(connector, datatype, cursors[datatype])).Records);
        }
        var unchanged = await Fixture.Emulator.Admin.CallCountAsync() - before;

        var edit = await Fixture.PersonEditAsync("project");
        before = await Fixture.Emulator.Admin.CallCountAsync();
        var changed = new List<ConnectorRecord>();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            changed.AddRange((await ReadAllAsync(connector, datatype, cursors[datatype])).Records);
        }
        var incremental = await Fixture.Emulator.Admin.CallCountAsync() - before;

        output.WriteLine($"full read of {Fixture.ReadDatatypes.Count} datatypes: {full} calls; unchanged: {unchanged}; after one edit: {incremental}");
        Assert.Equal(2 * Fixture.ReadDatatypes.Count, full); // the head, then one page each (the small sample fits in 200)
        Assert.Equal(Fixture.ReadDatatypes.Count, unchanged);
        Assert.Equal(Fixture.ReadDatatypes.Count + 1, incremental); // the edited project is listed by modifiedSince
        Assert.Equal(edit.Id, Assert.Single(changed).Id);
    }

    [Fact]
    public async Task many_changes_in_one_change_page_are_fetched_by_one_listing_not_a_call_each()
    {
        var connector = Fixture.Create(pageSize: 200);
        var cursor = (await ReadAllAsync(connector, "task", ConnectorCursor.None)).Cursor;
        var tasks = await Fixture.Emulator.Admin.ListAsync("tasks");
        foreach (var task in tasks.Take(5))
        {
            await Fixture.PersonEditAsync("task", task["id"]!.GetValue<string>());
        }
        var before = await Fixture.Emulator.Admin.CallCountAsync();

        var read = await ReadAllAsync(connector, "task", cursor);

        Assert.Equal(2, await Fixture.Emulator.Admin.CallCountAsync() - before);
        Assert.Equal(tasks.Take(5).Select(t => t["id"]!.GetValue<string>()).Order(), read.Records.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task an_update_costs_a_read_and_a_put_and_a_create_or_delete_one_call()
    {
        var connector = Fixture.Create();
        var id = (await Fixture.Emulator.Admin.ListAsync("customers"))[0]["id"]!.GetValue<string>();
        var before = await Fixture.Emulator.Admin.CallCountAsync();
        Assert.True((await connector.UpdateAsync("customer", id, new JsonObject { ["phone"] = "+47 900 00 000" }, default)).Succeeded);
        Assert.Equal(2, await Fixture.Emulator.Admin.CallCountAsync() - before);

        before = await Fixture.Emulator.Admin.CallCountAsync();
        var created = await connector.CreateAsync("customer", new CreateRequest(new JsonObject { ["name"] = "Ett Kall AS" }, "k1"), default);
        Assert.True((await connector.DeleteAsync("customer", created.Record!.Id, default)).Succeeded);
        Assert.Equal(2, await Fixture.Emulator.Admin.CallCountAsync() - before);
    }
}
