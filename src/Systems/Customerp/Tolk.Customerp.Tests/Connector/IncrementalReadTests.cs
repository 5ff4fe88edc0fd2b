using System.Text.Json.Nodes;
using Tolk.Connectors;

namespace Tolk.Customerp.Tests.Connector;

public sealed class IncrementalReadTests(CustomerpConnectorFixture fixture) : ConnectorTests(fixture)
{
    [Fact]
    public async Task every_datatype_reads_person_edits_and_deletes_incrementally()
    {
        var connector = Fixture.Create();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            var full = await ReadAllAsync(connector, datatype, ConnectorCursor.None);
            Assert.Null(full.Stopped);
            var edit = await Fixture.PersonEditAsync(datatype);
            var collection = CustomerpConnectorFixture.CollectionOf(datatype);
            // The small sample has a single project: then the edited record is the one deleted.
            var victim = full.Records.LastOrDefault(r => !r.Deleted && r.Id != edit.Id)?.Id ?? edit.Id;
            await Fixture.Emulator.Admin.DeleteAsync(collection, victim);

            var changes = await ReadAllAsync(connector, datatype, full.Cursor);

            Assert.Null(changes.Stopped);
            Assert.Empty(changes.Problems);
            Assert.Equal(edit.Value!.ToJsonString(), changes.Records.Last(r => r.Id == edit.Id).Properties[edit.Field]!.ToJsonString());
            var deleted = changes.Records.Last(r => r.Id == victim);
            Assert.True(deleted.Deleted, $"{datatype} {victim} must arrive as deleted");
            Assert.NotNull(deleted.Properties["deleted_at"]);
            Assert.Equal(new[] { edit.Id, victim }.Distinct().Order(), changes.Records.Select(r => r.Id).Distinct().Order());
        }
    }

    [Fact]
    public async Task an_expired_listing_cursor_restarts_from_the_saved_high_water_mark_and_loses_nothing()
    {
        var connector = Fixture.Create(pageSize: 5);
        var first = await FirstPageAsync(connector, "customer");
        Assert.Equal(5, first.Records.Count);
        await Fixture.Emulator.Admin.ExpireChangeTokensAsync();
        var edit = await Fixture.PersonEditAsync("customer");
        var before = await Fixture.Emulator.Admin.CallCountAsync();

        var rest = await ReadAllAsync(connector, "customer", first.Cursor);

        Assert.Null(rest.Stopped);
        Assert.Empty(rest.Problems);
        var ids = first.Records.Concat(rest.Records).Select(r => r.Id).ToHashSet();
        Assert.Equal(await Fixture.ExpectedIdsAsync("customer"), ids);
        Assert.Equal(edit.Value!.ToJsonString(), rest.Records.Last(r => r.Id == edit.Id).Properties[edit.Field]!.ToJsonString());
        var calls = (await Fixture.Emulator.Admin.CallsAsync(before)).Calls;
        Assert.Equal(400, calls[0].Status);
        Assert.DoesNotContain("cursor=", calls[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task records_read_again_inside_the_overlap_window_are_dropped()
    {
        var connector = Fixture.Create();
        var full = await ReadAllAsync(connector, "product", ConnectorCursor.None);
        var edit = await Fixture.PersonEditAsync("product");
        var first = await ReadAllAsync(connector, "product", full.Cursor);
        var second = await ReadAllAsync(connector, "product", first.Cursor);

        Assert.Equal(edit.Id, Assert.Single(first.Records).Id);
        Assert.Empty(second.Records);
    }

    [Fact]
    public async Task an_unreadable_cursor_means_a_full_read()
    {
        var connector = Fixture.Create();
        var read = await ReadAllAsync(connector, "employee", new ConnectorCursor("{not json", 1));
        Assert.Null(read.Stopped);
        Assert.Equal(await Fixture.ExpectedIdsAsync("employee"), read.Records.Select(r => r.Id).ToHashSet());
    }

    [Fact]
    public async Task records_keep_every_api_field_with_references_as_ids()
    {
        var connector = Fixture.Create();
        var project = (await ReadAllAsync(connector, "project", ConnectorCursor.None)).Records.First();
        var stored = await Fixture.Emulator.Admin.GetAsync("projects", project.Id);
        Assert.True(JsonNode.DeepEquals(stored, project.Properties));
        Assert.Equal(System.Text.Json.JsonValueKind.Number, project.Properties["customer_id"]!.GetValueKind());
        Assert.Equal(DateTimeOffset.Parse((string)stored!["updated_at"]!, System.Globalization.CultureInfo.InvariantCulture), project.ModifiedAt);
    }
}
