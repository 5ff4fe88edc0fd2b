using Tolk.Connectors;
using Xunit.Abstractions;

namespace Tolk.Customerp.Tests.Connector;

public sealed class CallCountTests(CustomerpConnectorFixture fixture, ITestOutputHelper output) : ConnectorTests(fixture)
{
    [Fact]
    public async Task a_full_read_costs_one_call_per_page_and_an_incremental_read_one_call_per_datatype()
    {
        var connector = Fixture.Create(pageSize: 500);
        var cursors = new Dictionary<string, ConnectorCursor>();
        var start = await Fixture.Emulator.Admin.CallCountAsync();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            cursors[datatype] = (await ReadAllAsync(connector, datatype, ConnectorCursor.None)).Cursor;
        }
        var full = await Fixture.Emulator.Admin.CallCountAsync() - start;
        var edit = await Fixture.PersonEditAsync("project");

        var before = await Fixture.Emulator.Admin.CallCountAsync();
        var changed = 0;
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            changed += (await ReadAllAsync(connector, datatype, cursors[datatype])).Records.Count;
        }
        var incremental = await Fixture.Emulator.Admin.CallCountAsync() - before;

        output.WriteLine($"full read of {Fixture.ReadDatatypes.Count} datatypes: {full} calls; incremental after one edit: {incremental} calls, {changed} records");
        Assert.Equal(Fixture.ReadDatatypes.Count, full);
        Assert.Equal(Fixture.ReadDatatypes.Count, incremental);
        Assert.Equal(1, changed);
        Assert.NotNull(edit);
    }

    [Fact]
    public async Task an_update_costs_one_call_and_a_create_one_call()
    {
        var connector = Fixture.Create();
        var before = await Fixture.Emulator.Admin.CallCountAsync();
        await connector.UpdateAsync("customer", "1", new System.Text.Json.Nodes.JsonObject { ["city"] = "Hamar" }, default);
        await connector.CreateAsync("product", new CreateRequest(new System.Text.Json.Nodes.JsonObject { ["sku"] = "TOLK-1", ["name"] = "Tolk" }, "k1"), default);
        Assert.Equal(2, await Fixture.Emulator.Admin.CallCountAsync() - before);
    }
}
