using System.Text.Json.Nodes;

namespace Tolk.Asana.Tests.Emulator;

public sealed class EventTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    private const string Project = "1204000000000000";
    private string _task = "";
    private const string SyncMessage =
        "Sync token invalid or too old. If you are attempting to keep resources in sync, you must fetch the full dataset for this query now and use the new sync token for the next sync.";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _task = (string)(await fixture.Api.GetAsync($"tasks?project={Project}")).AssertOk().DataArray[0]!["gid"]!;
    }

    public Task DisposeAsync() => System.Threading.Tasks.Task.CompletedTask;

    [Fact]
    public async Task the_first_call_without_a_sync_token_is_412_with_a_fresh_token()
    {
        var response = await fixture.Api.GetAsync($"events?resource={Project}");
        response.AssertError(412, SyncMessage, help: false);
        Assert.Matches("^[0-9a-f]{32}$", (string)response.Json!["sync"]!);
    }

    [Fact]
    public async Task a_fresh_token_answers_no_events_until_something_changes()
    {
        var sync = await SyncAsync(Project);
        var quiet = (await fixture.Api.GetAsync($"events?resource={Project}&sync={sync}")).AssertOk();
        Assert.Empty(quiet.DataArray);
        Assert.False((bool)quiet.Json!["has_more"]!);
        Assert.Matches("^[0-9a-f]{32}$", (string)quiet.Json!["sync"]!);
    }

    [Fact]
    public async Task an_api_change_to_a_task_bubbles_up_to_its_project_with_the_changed_field()
    {
        var sync = await SyncAsync(Project);
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        (await fixture.Api.PutAsync($"tasks/{_task}", """{"data":{"name":"Ny tittel"}}""")).AssertOk();
        var events = (await fixture.Api.GetAsync($"events?resource={Project}&sync={sync}")).AssertOk().DataArray;
        var e = Assert.Single(events)!;
        Assert.Equal("changed", (string?)e["action"]);
        Assert.Equal("task", (string?)e["type"]);
        Assert.Equal(_task, (string?)e["resource"]!["gid"]);
        Assert.Equal("Ny tittel", (string?)e["resource"]!["name"]);
        Assert.Equal("1203000000000000", (string?)e["user"]!["gid"]);
        Assert.Equal("name", (string?)e["change"]!["field"]);
        Assert.Equal("Ny tittel", (string?)e["change"]!["new_value"]);
        Assert.Equal(Stamp(fixture.Time.GetUtcNow()), (string?)e["created_at"]);
    }

    [Fact]
    public async Task a_persons_edit_through_the_admin_channel_is_an_event_by_another_user_and_moves_modified_at()
    {
        var sync = await SyncAsync(_task);
        var before = (await fixture.Api.GetAsync($"tasks/{_task}")).AssertOk().Data!;
        fixture.Time.Advance(TimeSpan.FromMinutes(7));
        await fixture.Server.Admin.EditAsync("tasks", _task, new JsonObject { ["notes"] = "Endret i Asana", ["assignee"] = new JsonObject { ["gid"] = "1203000000000002" } });
        var after = (await fixture.Api.GetAsync($"tasks/{_task}")).AssertOk().Data!;
        Assert.Equal("Endret i Asana", (string?)after["notes"]);
        Assert.Equal("1203000000000002", (string?)after["assignee"]!["gid"]);
        Assert.NotEqual((string?)before["modified_at"], (string?)after["modified_at"]);
        Assert.Equal(Stamp(fixture.Time.GetUtcNow()), (string?)after["modified_at"]);
        var events = (await fixture.Api.GetAsync($"events?resource={_task}&sync={sync}")).AssertOk().DataArray;
        Assert.Equal(["assignee", "followers", "notes"], events.Select(e => (string?)e!["change"]!["field"]).Order());
        var followed = events.Single(e => (string?)e!["change"]!["field"] == "followers")!;
        Assert.Equal("added", (string?)followed["change"]!["action"]);
        Assert.Equal("1203000000000002", (string?)followed["change"]!["added_value"]!["gid"]);
        Assert.All(events, e => Assert.Equal("1203000000000001", (string?)e!["user"]!["gid"]));
        var assigned = events.Single(e => (string?)e!["change"]!["field"] == "assignee")!;
        Assert.Equal("1203000000000002", (string?)assigned["change"]!["new_value"]!["gid"]);
    }

    [Fact]
    public async Task creating_and_deleting_a_task_are_added_and_deleted_events()
    {
        var sync = await SyncAsync(Project);
        var gid = (string)(await fixture.Api.PostAsync("tasks", AsanaClient.Data(new { name = "Ny", projects = new[] { Project } }))).AssertOk(201).Data!["gid"]!;
        (await fixture.Api.DeleteAsync($"tasks/{gid}")).AssertOk();
        var events = (await fixture.Api.GetAsync($"events?resource={Project}&sync={sync}")).AssertOk().DataArray;
        Assert.Equal(["added", "deleted"], events.Select(e => (string?)e!["action"]));
        Assert.Equal(Project, (string?)events[0]!["parent"]!["gid"]);
        Assert.Null(events[1]!["parent"]);
    }

    [Fact]
    public async Task moving_a_task_between_projects_is_removed_from_one_and_added_to_the_other()
    {
        const string other = "1204000000000001";
        var fromSync = await SyncAsync(Project);
        var toSync = await SyncAsync(other);
        (await fixture.Api.PostAsync($"tasks/{_task}/addProject", AsanaClient.Data(new { project = other }))).AssertOk();
        (await fixture.Api.PostAsync($"tasks/{_task}/removeProject", AsanaClient.Data(new { project = Project }))).AssertOk();
        var from = (await fixture.Api.GetAsync($"events?resource={Project}&sync={fromSync}")).AssertOk().DataArray;
        var to = (await fixture.Api.GetAsync($"events?resource={other}&sync={toSync}")).AssertOk().DataArray;
        Assert.Contains(from, e => (string?)e!["action"] == "removed" && (string?)e!["parent"]!["gid"] == Project);
        Assert.Contains(to, e => (string?)e!["action"] == "added" && (string?)e!["parent"]!["gid"] == other);
        Assert.Contains(to, e => (string?)e!["change"]?["field"] == "projects" && (string?)e!["change"]!["added_value"]!["gid"] == other);
    }

    [Fact]
    public async Task team_user_and_workspace_changes_reach_their_own_and_their_workspaces_subscribers()
    {
        var workspaceSync = await SyncAsync("1201000000000000");
        var teamSync = await SyncAsync("1202000000000000");
        (await fixture.Api.PutAsync("teams/1202000000000000", """{"data":{"description":"Oppdatert"}}""")).AssertOk();
        (await fixture.Api.PutAsync("users/1203000000000001", """{"data":{"name":"Nytt Navn"}}""")).AssertOk();
        var team = (await fixture.Api.GetAsync($"events?resource=1202000000000000&sync={teamSync}")).AssertOk().DataArray;
        Assert.Equal("description", (string?)Assert.Single(team)!["change"]!["field"]);
        var workspace = (await fixture.Api.GetAsync($"events?resource=1201000000000000&sync={workspaceSync}")).AssertOk().DataArray;
        Assert.Equal(["team", "user"], workspace.Select(e => (string?)e!["type"]).Order());
    }

    [Fact]
    public async Task at_most_100_events_come_per_call_with_has_more()
    {
        var sync = await SyncAsync(_task);
        for (var i = 0; i < 105; i++)
        {
            await fixture.Server.Admin.EditAsync("tasks", _task, new JsonObject { ["name"] = $"Navn {i}" });
        }
        var first = (await fixture.Api.GetAsync($"events?resource={_task}&sync={sync}")).AssertOk();
        Assert.Equal(100, first.DataArray.Count);
        Assert.True((bool)first.Json!["has_more"]!);
        var second = (await fixture.Api.GetAsync($"events?resource={_task}&sync={(string?)first.Json["sync"]}")).AssertOk();
        Assert.Equal(5, second.DataArray.Count);
        Assert.False((bool)second.Json!["has_more"]!);
        Assert.Equal("Navn 104", (string?)second.DataArray[^1]!["change"]!["new_value"]);
    }

    [Fact]
    public async Task re_requesting_the_current_token_answers_the_same_events()
    {
        var sync = await SyncAsync(_task);
        await fixture.Server.Admin.EditAsync("tasks", _task, new JsonObject { ["name"] = "Igjen" });
        var first = (await fixture.Api.GetAsync($"events?resource={_task}&sync={sync}")).AssertOk();
        var again = (await fixture.Api.GetAsync($"events?resource={_task}&sync={sync}")).AssertOk();
        Assert.Equal(first.DataArray.ToJsonString(), again.DataArray.ToJsonString());
    }

    [Fact]
    public async Task a_token_expires_after_24_hours_of_fake_time()
    {
        var sync = await SyncAsync(_task);
        fixture.Time.Advance(TimeSpan.FromHours(23));
        var still = (await fixture.Api.GetAsync($"events?resource={_task}&sync={sync}")).AssertOk();
        fixture.Time.Advance(TimeSpan.FromHours(2));
        (await fixture.Api.GetAsync($"events?resource={_task}&sync={sync}")).AssertError(412, SyncMessage, help: false);
        (await fixture.Api.GetAsync($"events?resource={_task}&sync={(string?)still.Json!["sync"]}")).AssertOk();
    }

    [Fact]
    public async Task expiring_change_tokens_through_the_admin_channel_makes_every_token_412()
    {
        var sync = await SyncAsync(_task);
        await fixture.Server.Admin.ExpireChangeTokensAsync();
        var response = await fixture.Api.GetAsync($"events?resource={_task}&sync={sync}");
        response.AssertError(412, SyncMessage, help: false);
        (await fixture.Api.GetAsync($"events?resource={_task}&sync={(string?)response.Json!["sync"]}")).AssertOk();
    }

    [Fact]
    public async Task a_token_belongs_to_its_resource_and_a_forged_one_is_412()
    {
        var sync = await SyncAsync(_task);
        (await fixture.Api.GetAsync($"events?resource={Project}&sync={sync}")).AssertError(412, SyncMessage, help: false);
        (await fixture.Api.GetAsync($"events?resource={_task}&sync=de4774f6915eae04714ca93bb2f5ee81")).AssertError(412, SyncMessage, help: false);
    }

    [Theory]
    [InlineData("events", 400, "resource: Missing input")]
    [InlineData("events?resource=xyz", 400, "resource: Not a recognized ID: xyz")]
    [InlineData("events?resource=1205000000099999", 400, "resource: Unknown object: 1205000000099999")]
    public async Task the_events_endpoint_needs_a_known_resource(string path, int status, string message)
    {
        (await fixture.Api.GetAsync(path)).AssertError(status, message);
    }

    [Fact]
    public async Task a_person_can_create_and_delete_records_and_each_is_an_event()
    {
        var sync = await SyncAsync(Project);
        var created = await fixture.Server.Admin.CreateAsync("tasks", new JsonObject { ["name"] = "Fra UI", ["projects"] = new JsonArray(Project) });
        var gid = (string)created["gid"]!;
        (await fixture.Api.GetAsync($"tasks/{gid}")).AssertOk();
        await fixture.Server.Admin.DeleteAsync("tasks", gid);
        (await fixture.Api.GetAsync($"tasks/{gid}")).AssertOk(404);
        var events = (await fixture.Api.GetAsync($"events?resource={Project}&sync={sync}")).AssertOk().DataArray;
        Assert.Equal(["added", "deleted"], events.Select(e => (string?)e!["action"]));
    }

    [Fact]
    public async Task a_deleted_task_restored_from_the_trash_by_a_person_is_undeleted()
    {
        var sync = await SyncAsync(Project);
        (await fixture.Api.DeleteAsync($"tasks/{_task}")).AssertOk();
        (await fixture.Api.GetAsync($"tasks/{_task}")).AssertOk(404);
        await fixture.Server.Admin.CreateAsync("tasks", new JsonObject { ["gid"] = _task });
        var restored = (await fixture.Api.GetAsync($"tasks/{_task}?opt_fields=projects")).AssertOk().Data!;
        Assert.Equal(Project, (string?)restored["projects"]![0]!["gid"]);
        var events = (await fixture.Api.GetAsync($"events?resource={Project}&sync={sync}")).AssertOk().DataArray;
        Assert.Equal(["deleted", "undeleted"], events.Select(e => (string?)e!["action"]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.CreateAsync("tasks", new JsonObject { ["gid"] = _task }));
    }

    [Fact]
    public async Task a_persons_invalid_edit_is_refused_by_the_admin_channel()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Server.Admin.EditAsync("tasks", _task, new JsonObject { ["due_on"] = "someday" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.DeleteAsync("workspaces", "1201000000000000"));
    }

    [Fact]
    public async Task a_person_can_change_a_users_email_which_the_api_cannot()
    {
        var sync = await SyncAsync("1203000000000002");
        await fixture.Server.Admin.EditAsync("users", "1203000000000002", new JsonObject { ["email"] = "ny.adresse@tolkdemo.no" });
        var user = (await fixture.Api.GetAsync("users/1203000000000002")).AssertOk().Data!;
        Assert.Equal("ny.adresse@tolkdemo.no", (string?)user["email"]);
        var events = (await fixture.Api.GetAsync($"events?resource=1203000000000002&sync={sync}")).AssertOk().DataArray;
        Assert.Equal("email", (string?)Assert.Single(events)!["change"]!["field"]);
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> SyncAsync(string resource) =>
        (string)(await fixture.Api.GetAsync($"events?resource={resource}")).Json!["sync"]!;
}
