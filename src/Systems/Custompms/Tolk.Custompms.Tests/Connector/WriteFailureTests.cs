using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Emulation.Faults;

namespace Tolk.Custompms.Tests.Connector;

public sealed class WriteFailureTests(CustompmsConnectorFixture fixture) : ConnectorTests(fixture)
{
    private static CreateRequest Create(JsonObject fields) => new(fields, Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task a_missing_required_field_is_rejected_naming_the_field()
    {
        var outcome = await Fixture.Create().CreateAsync("customer", Create(new JsonObject { ["email"] = "a@b.no" }), default);
        AssertFailure(outcome, FailureKind.Rejected, "name");
    }

    [Fact]
    public async Task a_value_of_the_wrong_type_is_rejected_naming_the_field()
    {
        var task = (await Fixture.Emulator.Admin.ListAsync("tasks"))[0]["id"]!.GetValue<string>();
        var outcome = await Fixture.Create().UpdateAsync("task", task, new JsonObject { ["done"] = "yes" }, default);
        AssertFailure(outcome, FailureKind.Rejected, "done");
    }

    [Fact]
    public async Task an_update_sends_the_whole_record_and_changes_only_the_given_fields()
    {
        var id = (await Fixture.Emulator.Admin.ListAsync("tasks"))[0]["id"]!.GetValue<string>();
        var before = (await Fixture.Emulator.Admin.GetAsync("tasks", id))!;

        var updated = await Fixture.Create().UpdateAsync("task", id, new JsonObject { ["title"] = "Ny tittel", ["dueDate"] = null }, default);

        Assert.True(updated.Succeeded, updated.Failure?.Message);
        var after = (await Fixture.Emulator.Admin.GetAsync("tasks", id))!;
        Assert.Equal("Ny tittel", (string)after["title"]!);
        Assert.Null(after["dueDate"]);
        foreach (var field in new[] { "projectId", "description", "assigneeEmail", "done", "priority", "createdAt" })
        {
            Assert.True(JsonNode.DeepEquals(before[field], after[field]), $"{field}: {before[field]?.ToJsonString()} became {after[field]?.ToJsonString()}");
        }
        Assert.True(JsonNode.DeepEquals(after, updated.Record!.Properties));
    }

    [Fact]
    public async Task an_update_keeps_a_persons_edit_to_another_field_made_since_the_last_read()
    {
        var connector = Fixture.Create();
        var project = (await ReadAllAsync(connector, "project", ConnectorCursor.None)).Records[0];
        await Fixture.Emulator.Admin.EditAsync("projects", project.Id, new JsonObject { ["status"] = "done" });

        var updated = await connector.UpdateAsync("project", project.Id, new JsonObject { ["description"] = "Oppdatert av Tolk" }, default);

        Assert.True(updated.Succeeded, updated.Failure?.Message);
        var stored = (await Fixture.Emulator.Admin.GetAsync("projects", project.Id))!;
        Assert.Equal("done", (string)stored["status"]!);
        Assert.Equal("Oppdatert av Tolk", (string)stored["description"]!);
        Assert.Equal((string)project.Properties["key"]!, (string)stored["key"]!);
    }

    [Fact]
    public async Task a_taken_project_key_is_a_conflict_naming_the_field()
    {
        var taken = (string)(await Fixture.Emulator.Admin.ListAsync("projects"))[0]["key"]!;
        var outcome = await Fixture.Create().CreateAsync("project", Create(new JsonObject { ["name"] = "Kopi", ["key"] = taken.ToLowerInvariant() }), default);
        AssertFailure(outcome, FailureKind.Conflict, "key");
    }

    [Fact]
    public async Task deleting_a_customer_that_projects_refer_to_is_a_conflict_and_the_customer_stays()
    {
        var customer = (string)(await Fixture.Emulator.Admin.ListAsync("projects"))[0]["customerId"]!;
        AssertFailure(await Fixture.Create().DeleteAsync("customer", customer, default), FailureKind.Conflict);
        Assert.NotNull(await Fixture.Emulator.Admin.GetAsync("customers", customer));
    }

    [Fact]
    public async Task a_delete_is_hard_and_a_second_delete_is_not_found()
    {
        var connector = Fixture.Create();
        var task = (await Fixture.Emulator.Admin.ListAsync("tasks"))[0]["id"]!.GetValue<string>();
        var deleted = await connector.DeleteAsync("task", task, default);
        Assert.True(deleted.Succeeded, deleted.Failure?.Message);
        Assert.True(deleted.Record!.Deleted);
        Assert.Equal(task, deleted.Record.Id);
        Assert.Null(await Fixture.Emulator.Admin.GetAsync("tasks", task));
        AssertFailure(await connector.DeleteAsync("task", task, default), FailureKind.NotFound);
    }

    [Fact]
    public async Task a_record_that_is_not_there_is_not_found()
    {
        var connector = Fixture.Create();
        var missing = Guid.NewGuid().ToString();
        AssertFailure(await connector.UpdateAsync("customer", missing, new JsonObject { ["name"] = "X" }, default), FailureKind.NotFound);
        AssertFailure(await connector.DeleteAsync("customer", missing, default), FailureKind.NotFound);
        AssertFailure(await connector.UpdateAsync("customer", "not a uuid/../x", new JsonObject { ["name"] = "X" }, default), FailureKind.NotFound);
    }

    [Fact]
    public async Task a_system_that_keeps_failing_is_unavailable_and_one_that_keeps_throttling_is_rate_limited()
    {
        var connector = Fixture.Create(maxRetries: 1);
        var id = (await Fixture.Emulator.Admin.ListAsync("customers"))[0]["id"]!.GetValue<string>();
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PUT", Probability: 1, Times: 2, Status: 503));
        AssertFailure(await connector.UpdateAsync("customer", id, new JsonObject { ["phone"] = "1" }, default), FailureKind.Unavailable);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PUT", Probability: 1, Times: 2, Status: 429,
            RetryAfterSeconds: 0));
        AssertFailure(await connector.UpdateAsync("customer", id, new JsonObject { ["phone"] = "1" }, default), FailureKind.RateLimited);
    }

    [Fact]
    public async Task a_read_that_meets_a_failing_system_stops_with_the_last_good_cursor()
    {
        var connector = Fixture.Create(pageSize: 2, maxRetries: 1);
        var first = await FirstPageAsync(connector, "task");
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "GET", Path: "/api/tasks", Probability: 1, Times: 2,
            Status: 500));

        var rest = await ReadAllAsync(connector, "task", first.Cursor);

        Assert.Equal(FailureKind.Unavailable, rest.Stopped!.Kind);
        Assert.Equal(first.Cursor, rest.Cursor);
    }

    [Fact]
    public async Task a_datatype_custompms_does_not_have_is_not_supported()
    {
        var connector = Fixture.Create();
        AssertFailure(await connector.CreateAsync("invoice", Create([]), default), FailureKind.NotSupported);
        AssertFailure(await connector.UpdateAsync("invoice", "1", [], default), FailureKind.NotSupported);
        AssertFailure(await connector.DeleteAsync("invoice", "1", default), FailureKind.NotSupported);
        Assert.Equal(FailureKind.NotSupported, (await ReadAllAsync(connector, "invoice", ConnectorCursor.None)).Stopped!.Kind);
        Assert.All(connector.Datatypes, d => Assert.True(d.Can(Capabilities.Create | Capabilities.Update | Capabilities.Delete)));
        Assert.All(connector.Datatypes, d => Assert.False(d.Can(Capabilities.Webhooks)));
    }

    private static void AssertFailure(WriteOutcome outcome, FailureKind kind, string? field = null)
    {
        Assert.False(outcome.Succeeded, "the write should have failed");
        Assert.Equal(kind, outcome.Failure!.Kind);
        if (field is not null)
        {
            Assert.Equal(field, outcome.Failure.Field);
        }
        Assert.False(string.IsNullOrWhiteSpace(outcome.Failure.Message));
    }
}
