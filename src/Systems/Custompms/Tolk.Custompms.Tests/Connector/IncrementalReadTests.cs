using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Connectors.Compliance;

namespace Tolk.Custompms.Tests.Connector;

public sealed class IncrementalReadTests(CustompmsConnectorFixture fixture) : ConnectorTests(fixture)
{
    private static readonly Dictionary<string, Func<string, string, JsonObject>> NewRecord = new()
    {
        ["customer"] = (_, _) => new JsonObject { ["name"] = "Ny Kunde AS", ["orgNumber"] = "987654321" },
        ["project"] = (customer, _) => new JsonObject { ["name"] = "Nytt prosjekt", ["customerId"] = customer, ["status"] = "open" },
        ["task"] = (_, project) => new JsonObject { ["projectId"] = project, ["title"] = "Ny oppgave", ["done"] = false },
    };

    [Fact]
    public async Task every_datatype_reads_creates_edits_and_hard_deletes_incrementally()
    {
        var connector = Fixture.Create();
        var customer = (await Fixture.Emulator.Admin.ListAsync("customers"))[0]["id"]!.GetValue<string>();
        var project = (await Fixture.Emulator.Admin.ListAsync("projects"))[0]["id"]!.GetValue<string>();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            var collection = CustompmsConnectorFixture.CollectionOf(datatype);
            var full = await ReadAllAsync(connector, datatype, ConnectorCursor.None);
            Assert.Null(full.Stopped);
            var created = await Fixture.Emulator.Admin.CreateAsync(collection, NewRecord[datatype](customer, project));
            var createdId = created["id"]!.GetValue<string>();
            var edit = await Fixture.PersonEditAsync(datatype);

            var changes = await ReadAllAsync(connector, datatype, full.Cursor);

            Assert.Null(changes.Stopped);
            Assert.Empty(changes.Problems);
            Assert.Equal(new[] { createdId, edit.Id }.Order(), changes.Records.Select(r => r.Id).Order());
            Assert.Equal(edit.Value!.ToJsonString(), changes.Records.Single(r => r.Id == edit.Id).Properties[edit.Field]!.ToJsonString());
            Assert.True(JsonNode.DeepEquals(created, changes.Records.Single(r => r.Id == createdId).Properties));

            await Fixture.Emulator.Admin.DeleteAsync(collection, createdId);
            var deletes = await ReadAllAsync(connector, datatype, changes.Cursor);

            var deleted = Assert.Single(deletes.Records);
            Assert.Equal(createdId, deleted.Id);
            Assert.True(deleted.Deleted, $"{datatype} {createdId} must arrive as deleted");
            Assert.Empty(deleted.Properties);
        }
    }

    [Fact]
    public async Task an_expired_change_log_position_reads_everything_again_and_follows_from_a_fresh_position()
    {
        var connector = Fixture.Create();
        var full = await ReadAllAsync(connector, "customer", ConnectorCursor.None);
        // An entry after the position, then the window passes over it: the position now lies before the retained log.
        var lost = await Fixture.PersonEditAsync("customer");
        await Fixture.Emulator.Admin.ExpireChangeTokensAsync();
        var edit = await Fixture.PersonEditAsync("customer", (await Fixture.Emulator.Admin.ListAsync("customers"))[^1]["id"]!.GetValue<string>());
        var before = await Fixture.Emulator.Admin.CallCountAsync();

        var again = await ReadAllAsync(connector, "customer", full.Cursor);

        Assert.Null(again.Stopped);
        Assert.Equal(await Fixture.ExpectedIdsAsync("customer"), again.Records.Select(r => r.Id).ToHashSet());
        Assert.Equal(edit.Value!.ToJsonString(), again.Records.Single(r => r.Id == edit.Id).Properties[edit.Field]!.ToJsonString());
        Assert.Equal(lost.Value!.ToJsonString(), again.Records.Single(r => r.Id == lost.Id).Properties[lost.Field]!.ToJsonString());
        var calls = (await Fixture.Emulator.Admin.CallsAsync(before)).Calls;
        Assert.Equal(410, calls[0].Status);
        Assert.Equal("", calls[1].Query); // the fresh head, taken before the listing

        var second = await Fixture.PersonEditAsync("customer", again.Records[^1].Id);
        var next = await ReadAllAsync(connector, "customer", again.Cursor);
        Assert.Null(next.Stopped);
        Assert.Equal(second.Id, Assert.Single(next.Records).Id);
    }

    [Fact]
    public async Task an_interrupted_full_read_resumes_from_its_saved_page_and_reads_every_record_once()
    {
        var connector = Fixture.Create(pageSize: 2);
        var first = await FirstPageAsync(connector, "task");
        Assert.Equal(2, first.Records.Count);

        var rest = await ReadAllAsync(Fixture.Create(pageSize: 2), "task", first.Cursor);

        Assert.Null(rest.Stopped);
        var ids = first.Records.Concat(rest.Records).Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(await Fixture.ExpectedIdsAsync("task"), ids.ToHashSet());
    }

    [Fact]
    public async Task a_record_edited_during_a_full_read_moves_to_the_end_without_pushing_another_out_of_the_listing()
    {
        // Regression: following page numbers, the edited record leaves page 1 and the first record of page 2 slides
        // into its place, so page 2 starts one record later and that record is never read.
        var connector = Fixture.Create(pageSize: 2);
        var first = await FirstPageAsync(connector, "task");
        await Fixture.PersonEditAsync("task", first.Records[0].Id);

        var rest = await ReadAllAsync(connector, "task", first.Cursor);

        Assert.Equal(await Fixture.ExpectedIdsAsync("task"), first.Records.Concat(rest.Records).Select(r => r.Id).ToHashSet());
    }

    [Fact]
    public async Task changes_to_other_collections_move_the_position_without_fetching_anything()
    {
        var connector = Fixture.Create();
        var full = await ReadAllAsync(connector, "task", ConnectorCursor.None);
        await Fixture.PersonEditAsync("customer");
        var before = await Fixture.Emulator.Admin.CallCountAsync();

        var read = await ReadAllAsync(connector, "task", full.Cursor);

        Assert.Empty(read.Records);
        Assert.NotEqual(full.Cursor, read.Cursor);
        Assert.Equal(1, await Fixture.Emulator.Admin.CallCountAsync() - before);
    }

    [Fact]
    public async Task a_change_log_longer_than_a_page_is_followed_to_its_head()
    {
        var connector = Fixture.Create(changeLimit: 2);
        var full = await ReadAllAsync(connector, "task", ConnectorCursor.None);
        var tasks = (await Fixture.Emulator.Admin.ListAsync("tasks")).Select(t => t["id"]!.GetValue<string>()).Take(5).ToList();
        foreach (var id in tasks)
        {
            await Fixture.PersonEditAsync("task", id);
        }

        var read = await ReadAllAsync(connector, "task", full.Cursor);
        var after = await ReadAllAsync(connector, "task", read.Cursor);

        Assert.Equal(tasks.Order(), read.Records.Select(r => r.Id).Distinct().Order());
        Assert.Empty(after.Records);
    }

    [Fact]
    public async Task a_changed_record_the_listing_does_not_reach_is_fetched_by_id()
    {
        // One change-log entry per call and one record per page: the first entry names task a, but a was edited again
        // after b, c and d, so the listing from a's first change spends its pages on those and a is fetched by id.
        var connector = Fixture.Create(pageSize: 1, changeLimit: 1);
        var full = await ReadAllAsync(connector, "task", ConnectorCursor.None);
        var ids = (await Fixture.Emulator.Admin.ListAsync("tasks")).Select(t => t["id"]!.GetValue<string>()).ToList();
        PersonEdit? last = null;
        foreach (var id in new[] { ids[0], ids[1], ids[2], ids[3], ids[0] })
        {
            last = await Fixture.PersonEditAsync("task", id);
            await Task.Delay(5); // stamps have milliseconds: distinct ones keep the list order the order of the edits
        }
        var before = await Fixture.Emulator.Admin.CallCountAsync();

        var first = await FirstPageAsync(connector, "task", full.Cursor);

        var a = Assert.Single(first.Records);
        Assert.Equal(ids[0], a.Id);
        Assert.Equal(last!.Value!.ToJsonString(), a.Properties["description"]!.ToJsonString());
        Assert.Equal($"/api/tasks/{ids[0]}", (await Fixture.Emulator.Admin.CallsAsync(before)).Calls[^1].Path);
    }

    [Fact]
    public async Task a_changed_record_that_is_gone_when_fetched_is_read_as_deleted()
    {
        var connector = Fixture.Create(changeLimit: 1);
        var full = await ReadAllAsync(connector, "task", ConnectorCursor.None);
        var project = (await Fixture.Emulator.Admin.ListAsync("projects"))[0]["id"]!.GetValue<string>();
        var created = (await Fixture.Emulator.Admin.CreateAsync("tasks", NewRecord["task"]("", project)))["id"]!.GetValue<string>();
        await Fixture.Emulator.Admin.DeleteAsync("tasks", created);

        // The first change page holds only the create: the record is gone by the time it is fetched.
        var first = await FirstPageAsync(connector, "task", full.Cursor);
        var all = await ReadAllAsync(connector, "task", full.Cursor);

        var deleted = Assert.Single(first.Records);
        Assert.Equal(created, deleted.Id);
        Assert.True(deleted.Deleted);
        Assert.All(all.Records, r => Assert.True(r.Deleted && r.Id == created));
    }

    [Fact]
    public async Task an_unreadable_cursor_means_a_full_read()
    {
        var read = await ReadAllAsync(Fixture.Create(), "project", new ConnectorCursor("{not json", 1));
        Assert.Null(read.Stopped);
        Assert.Equal(await Fixture.ExpectedIdsAsync("project"), read.Records.Select(r => r.Id).ToHashSet());
    }

    [Fact]
    public async Task records_keep_every_api_field_with_references_as_ids_and_their_modification_time()
    {
        var task = (await ReadAllAsync(Fixture.Create(), "task", ConnectorCursor.None)).Records[0];
        var stored = await Fixture.Emulator.Admin.GetAsync("tasks", task.Id);
        Assert.True(JsonNode.DeepEquals(stored, task.Properties));
        Assert.Equal(System.Text.Json.JsonValueKind.String, task.Properties["projectId"]!.GetValueKind());
        Assert.Equal(DateTimeOffset.Parse((string)stored!["modifiedAt"]!, System.Globalization.CultureInfo.InvariantCulture), task.ModifiedAt);
        Assert.False(task.Deleted);
    }
}
