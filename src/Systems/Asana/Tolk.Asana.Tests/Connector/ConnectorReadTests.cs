using System.Text.Json.Nodes;
using Tolk.Connectors;
using Xunit.Abstractions;

namespace Tolk.Asana.Tests.Connector;

public sealed class ConnectorReadTests(AsanaConnectorFixture fixture, ITestOutputHelper output) : AsanaConnectorTests(fixture)
{
    [Fact]
    public async Task incremental_reads_of_every_datatype_return_the_person_edits_for_one_poll_and_one_fetch_each()
    {
        using var connector = Fixture.Create();
        var cursors = new Dictionary<string, ConnectorCursor>();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            cursors[datatype] = (await ReadAllAsync(connector, datatype, ConnectorCursor.None)).Cursor;
        }
        var edits = new List<Tolk.Connectors.Compliance.PersonEdit>();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            edits.Add(await Fixture.PersonEditAsync(datatype));
        }
        foreach (var edit in edits)
        {
            List<ConnectorRecord> records = [];
            var calls = await CallsDuringAsync(async () => (records, _, _, _) = await ReadAllAsync(connector, edit.Datatype, cursors[edit.Datatype]));
            var changed = Assert.Single(records, r => r.Id == edit.Id);
            Assert.Equal(edit.Value?.ToJsonString(), changed.Properties["name"]?.ToJsonString());
            output.WriteLine($"{edit.Datatype}: incremental read after one edit: {calls} calls, {records.Count} records");
            Assert.Equal(2, calls);
        }
    }

    [Fact]
    public async Task an_expired_sync_token_leads_to_a_full_read_and_the_next_read_continues_from_the_fresh_token()
    {
        using var connector = Fixture.Create();
        var (all, _, cursor, _) = await ReadAllAsync(connector, "task", ConnectorCursor.None);
        var before = await Fixture.PersonEditAsync("task");
        await Fixture.Emulator.Admin.ExpireChangeTokensAsync();

        var (afterExpiry, _, fresh, stopped) = await ReadAllAsync(connector, "task", cursor);
        Assert.Null(stopped);
        Assert.Equal(all.Count, afterExpiry.Count);
        Assert.Equal(before.Value?.ToJsonString(), afterExpiry.Single(r => r.Id == before.Id).Properties["name"]?.ToJsonString());

        var after = await Fixture.PersonEditAsync("task");
        var (changes, _, _, _) = await ReadAllAsync(connector, "task", fresh);
        var changed = Assert.Single(changes);
        Assert.Equal(after.Id, changed.Id);
        Assert.Equal(after.Value?.ToJsonString(), changed.Properties["name"]?.ToJsonString());
    }

    [Fact]
    public async Task a_task_a_person_deleted_shows_up_as_a_deleted_record_in_the_next_incremental_read()
    {
        using var connector = Fixture.Create();
        var (all, _, cursor, _) = await ReadAllAsync(connector, "task", ConnectorCursor.None);
        var victim = all[3].Id;
        await Fixture.Emulator.Admin.DeleteAsync("tasks", victim);

        var (changes, _, _, stopped) = await ReadAllAsync(connector, "task", cursor);
        Assert.Null(stopped);
        var deleted = Assert.Single(changes);
        Assert.Equal(victim, deleted.Id);
        Assert.True(deleted.Deleted);
    }

    [Fact]
    public async Task a_deleted_project_and_its_tasks_show_up_as_deleted_records()
    {
        using var connector = Fixture.Create();
        var project = AsanaConnectorFixture.FirstProject;
        var (_, _, projectCursor, _) = await ReadAllAsync(connector, "project", ConnectorCursor.None);
        var (tasks, _, taskCursor, _) = await ReadAllAsync(connector, "task", ConnectorCursor.None);
        var itsTasks = tasks.Where(t => t.Properties["projects"] is JsonArray p && p.Count == 1 && (string?)p[0] == project).Select(t => t.Id).ToHashSet();
        Assert.NotEmpty(itsTasks);

        Assert.True((await connector.DeleteAsync("project", project, default)).Succeeded);

        var (projects, _, _, _) = await ReadAllAsync(connector, "project", projectCursor);
        Assert.True(Assert.Single(projects).Deleted);
        var (taskChanges, _, _, _) = await ReadAllAsync(connector, "task", taskCursor);
        Assert.Equal(itsTasks.Order(), taskChanges.Where(t => t.Deleted).Select(t => t.Id).Order());
    }

    [Fact]
    public async Task a_due_reconciliation_turns_an_incremental_read_into_a_full_read()
    {
        using var connector = Fixture.Create(adjust: o => o with { ReconcileInterval = TimeSpan.FromHours(1) });
        var (all, _, cursor, _) = await ReadAllAsync(connector, "user", ConnectorCursor.None);
        var (nothing, _, _, _) = await ReadAllAsync(connector, "user", cursor);
        Assert.Empty(nothing);

        Fixture.Time.Advance(TimeSpan.FromHours(2));
        var (again, _, _, stopped) = await ReadAllAsync(connector, "user", cursor);
        Assert.Null(stopped);
        Assert.Equal(all.Select(r => r.Id).Order(), again.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task full_reads_page_through_batches_and_cost_few_calls()
    {
        using var connector = Fixture.Create(adjust: o => o with { PageSize = 5 });
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            List<ConnectorRecord> records = [];
            var calls = await CallsDuringAsync(async () => (records, _, _, _) = await ReadAllAsync(connector, datatype, ConnectorCursor.None));
            output.WriteLine($"{datatype}: full read of {records.Count} records in pages of 5: {calls} calls");
            Assert.Equal((await Fixture.ExpectedIdsAsync(datatype)).Order(), records.Select(r => r.Id).Order());
        }
    }

    [Fact]
    public async Task records_carry_references_as_gids_and_memberships_nested()
    {
        using var connector = Fixture.Create();
        var (tasks, problems, _, _) = await ReadAllAsync(connector, "task", ConnectorCursor.None);
        Assert.Empty(problems);
        var task = tasks.First(t => t.Properties["assignee"] is JsonValue);
        Assert.Matches("^[0-9]+$", (string)task.Properties["assignee"]!);
        Assert.Matches("^[0-9]+$", (string)task.Properties["workspace"]!);
        Assert.All((JsonArray)task.Properties["projects"]!, p => Assert.Matches("^[0-9]+$", (string)p!));
        var membership = Assert.IsType<JsonObject>(((JsonArray)task.Properties["memberships"]!)[0]);
        Assert.Matches("^[0-9]+$", (string)membership["project"]!);
        Assert.Matches("^[0-9]+$", (string)membership["section"]!);
        Assert.NotNull(task.ModifiedAt);
        Assert.Equal("task", (string)task.Properties["resource_type"]!);
    }

    [Fact]
    public async Task a_reference_of_the_wrong_shape_is_reported_by_field()
    {
        var table = Fixture.Asana.Database.Find("projects")!;
        var record = (JsonObject)table.All()[0].DeepClone();
        record["team"] = "not a reference";
        table.Put((string)record["gid"]!, record, Tolk.Emulation.Data.ChangeOrigin.Api);

        using var connector = Fixture.Create();
        var (records, problems, _, _) = await ReadAllAsync(connector, "project", ConnectorCursor.None);
        var problem = Assert.Single(problems);
        Assert.Equal(((string)record["gid"]!, "team"), (problem.RecordId, problem.Field));
        Assert.DoesNotContain(records, r => r.Id == (string)record["gid"]!);
    }

    [Fact]
    public async Task a_full_read_meets_real_429s_under_lowered_limits_and_still_reads_everything()
    {
        await Fixture.LowerRateLimitsAsync();
        using var connector = Fixture.Create();
        var since = await Fixture.Emulator.Admin.CallCountAsync();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            var (records, problems, _, stopped) = await ReadAllAsync(connector, datatype, ConnectorCursor.None);
            Assert.Null(stopped);
            Assert.Empty(problems);
            Assert.Equal((await Fixture.ExpectedIdsAsync(datatype)).Order(), records.Select(r => r.Id).Distinct().Order());
        }
        var calls = (await Fixture.Emulator.Admin.CallsAsync(since)).Calls;
        output.WriteLine($"{calls.Count} calls, {calls.Count(c => c.Status == 429)} answered 429");
        Assert.Contains(calls, c => c.Status == 429);
    }
}
