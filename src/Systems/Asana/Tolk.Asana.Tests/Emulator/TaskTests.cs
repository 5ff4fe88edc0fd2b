using Tolk.Emulation.Sample;

namespace Tolk.Asana.Tests.Emulator;

public sealed class TaskTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    private const string Demo = "1201000000000000";
    private const string Project = "1204000000000000";
    private const string OtherProject = "1204000000000001";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("tasks", "Must specify exactly one of project, tag, section, user task list, or assignee + workspace")]
    [InlineData("tasks?workspace=1201000000000000", "Must specify exactly one of project, tag, section, user task list, or assignee + workspace")]
    [InlineData("tasks?assignee=me", "workspace: Missing input")]
    [InlineData("tasks?project=1204000000000000&section=1206000000000000", "Must specify exactly one of project, tag, section, user task list, or assignee + workspace")]
    [InlineData("tasks?project=1204000000099999", "project: Unknown object: 1204000000099999")]
    [InlineData("tasks?project=abc", "project: Not a recognized ID: abc")]
    [InlineData("tasks?tag=1210000000000000", "tag: Unknown object: 1210000000000000")]
    [InlineData("tasks?project=1204000000000000&modified_since=yesterday", "modified_since: Date-time must be in ISO-8601 format, not: yesterday")]
    [InlineData("tasks?project=1204000000000000&completed_since=soon", "completed_since: Date-time must be in ISO-8601 format, not: soon")]
    public async Task listing_tasks_needs_exactly_one_filter(string path, string message)
    {
        (await fixture.Api.GetAsync(path)).AssertError(400, message);
    }

    [Fact]
    public async Task the_tasks_of_a_project_are_the_worlds_tasks_of_that_project()
    {
        var world = SampleWorld.Create(SampleOptions.Small);
        var expected = world.Tasks.Where(t => t.ProjectIndex == 0).ToList();
        var tasks = (await fixture.Api.GetAsync($"tasks?project={Project}&opt_fields=name,notes,due_on,completed,assignee.email,projects,workspace"))
            .AssertOk().DataArray;
        Assert.Equal(expected.Select(t => t.Title), tasks.Select(t => (string?)t!["name"]));
        for (var i = 0; i < expected.Count; i++)
        {
            var (t, json) = (expected[i], tasks[i]!);
            Assert.Equal(t.Description, (string?)json["notes"]);
            Assert.Equal(t.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)json["due_on"]);
            Assert.Equal(t.Completed, (bool)json["completed"]!);
            Assert.Equal(t.AssigneeIndex is { } a && a % 10 != 9 ? world.People[a].Email : null, (string?)json["assignee"]?["email"]);
            Assert.Equal(Project, (string?)json["projects"]![0]!["gid"]);
            Assert.Equal(Demo, (string?)json["workspace"]!["gid"]);
        }
        var alias = (await fixture.Api.GetAsync($"projects/{Project}/tasks")).AssertOk().DataArray;
        Assert.Equal(expected.Count, alias.Count);
        Assert.All(alias, t => Assert.Equal(["gid", "resource_type", "name", "resource_subtype", "created_by"], t!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task modified_since_and_completed_since_filter_the_listing()
    {
        var all = (await fixture.Api.GetAsync($"tasks?project={Project}&opt_fields=completed")).AssertOk().DataArray;
        var gid = (string)all[0]!["gid"]!;
        fixture.Time.Advance(TimeSpan.FromHours(1));
        var since = fixture.Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        (await fixture.Api.PutAsync($"tasks/{gid}", """{"data":{"name":"Endret"}}""")).AssertOk();
        var modified = (await fixture.Api.GetAsync($"tasks?project={Project}&modified_since={Uri.EscapeDataString(since)}")).AssertOk().DataArray;
        Assert.Equal(gid, (string?)Assert.Single(modified)!["gid"]);
        var open = (await fixture.Api.GetAsync($"tasks?project={Project}&completed_since=now")).AssertOk().DataArray;
        Assert.Equal(all.Count(t => !(bool)t!["completed"]!), open.Count);
    }

    [Fact]
    public async Task tasks_are_listed_by_assignee_and_workspace()
    {
        var mine = (await fixture.Api.GetAsync($"tasks?assignee=me&workspace={Demo}&opt_fields=assignee")).AssertOk().DataArray;
        Assert.All(mine, t => Assert.Equal("1203000000000000", (string?)t!["assignee"]!["gid"]));
        var personal = (await fixture.Api.GetAsync("tasks?assignee=me&workspace=1201000000000001")).AssertOk().DataArray;
        Assert.Equal(4, personal.Count);
    }

    [Fact]
    public async Task a_task_is_created_in_a_project_and_read_back_in_full()
    {
        var created = (await fixture.Api.PostAsync("tasks", AsanaClient.Data(new
        {
            name = "Skriv rapport", notes = "Kvartalsrapport", projects = new[] { Project }, assignee = "me", due_on = "2026-02-01",
        }))).AssertOk(201);
        var task = created.Data!.AsObject();
        var gid = (string)task["gid"]!;
        Assert.EndsWith($"/api/1.0/tasks/{gid}", created.Headers["Location"], StringComparison.Ordinal);
        Assert.Equal(Demo, (string?)task["workspace"]!["gid"]);
        Assert.Equal(Project, (string?)task["memberships"]![0]!["project"]!["gid"]);
        Assert.Equal("section", (string?)task["memberships"]![0]!["section"]!["resource_type"]);
        Assert.Equal("1203000000000000", (string?)task["assignee"]!["gid"]);
        Assert.Equal("""{"gid":"1203000000000000","resource_type":"user"}""", task["created_by"]!.ToJsonString());
        Assert.False(task.ContainsKey("html_notes"));
        var read = (await fixture.Api.GetAsync($"tasks/{gid}?opt_fields=html_notes,notes")).AssertOk().Data!;
        Assert.Equal("<body>Kvartalsrapport</body>", (string?)read["html_notes"]);
    }

    [Theory]
    [InlineData("""{"data":{"name":"x"}}""", "You should specify one of workspace, parent, projects")]
    [InlineData("""{"data":{"name":"x","projects":["1204000000099999"]}}""", "projects: [0]: Unknown object: 1204000000099999")]
    [InlineData("""{"data":{"name":"x","projects":"abc"}}""", "projects: [0]: Not a recognized ID: abc")]
    [InlineData("""{"data":{"name":"x","projects":[12]}}""", "projects: [0]: Not a valid GID type: number")]
    [InlineData("""{"data":{"name":"x","workspace":1201000000000000}}""", "workspace: Not a valid GID type: number")]
    [InlineData("""{"data":{"name":"x","workspace":"1201000000000000","due_on":"2026-02-01","due_at":"2026-02-01T10:00:00Z"}}""", "You may only provide one of due_on or due_at!")]
    [InlineData("""{"data":{"name":"x","workspace":"1201000000000000","due_on":"01.02.2026"}}""", "due_on: Date must be in ISO-8601 (yyyy-mm-dd) format, not: 01.02.2026")]
    [InlineData("""{"data":{"name":"x","workspace":"1201000000000000","assignee":"nobody@example.com"}}""", "assignee: Unknown object: nobody@example.com")]
    [InlineData("""{"data":{"name":"x","workspace":"1201000000000001","assignee":"1203000000000001"}}""", "assignee: Not a user in Workspace: 1201000000000001")]
    [InlineData("""{"data":{"name":"x","workspace":"1201000000000000","tags":["1210000000000001"]}}""", "tags: [0]: Unknown object: 1210000000000001")]
    [InlineData("""{"data":{"name":"x","workspace":"1201000000000000","completed":"yes"}}""", "completed: Value is not a boolean: \"yes\"")]
    [InlineData("""{"data":{"name":"x","workspace":"1201000000000000","resource_subtype":"epic"}}""", "resource_subtype: Not a valid enum value: \"epic\". Valid values are: default_task, milestone, section, approval")]
    [InlineData("""{"data":{"name":"x","workspace":"1201000000000000","custom_fields":{"1":"a"}}}""", "Custom field with ID 1 is not on given object")]
    [InlineData("""{"data":{"name":"x","workspace":"1201000000000000","modified_at":"2026-01-01"}}""", "modified_at: Cannot write this property")]
    [InlineData("""{"data":{"name":"x","workspace":"1201000000000000","priority":"high"}}""", "priority: Unknown property")]
    public async Task a_task_create_is_refused_the_way_asana_refuses_it(string body, string message)
    {
        (await fixture.Api.PostAsync("tasks", body)).AssertError(400, message);
    }

    [Fact]
    public async Task an_update_changes_only_what_was_sent_and_due_at_sets_due_on()
    {
        var gid = await FirstTaskAsync();
        var before = (await fixture.Api.GetAsync($"tasks/{gid}")).AssertOk().Data!;
        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var after = (await fixture.Api.PutAsync($"tasks/{gid}", """{"data":{"due_at":"2026-03-04T15:30:00+01:00"}}""")).AssertOk().Data!;
        Assert.Equal("2026-03-04T14:30:00.000Z", (string?)after["due_at"]);
        Assert.Equal("2026-03-04", (string?)after["due_on"]);
        Assert.Equal((string?)before["name"], (string?)after["name"]);
        Assert.NotEqual((string?)before["modified_at"], (string?)after["modified_at"]);
        var cleared = (await fixture.Api.PutAsync($"tasks/{gid}", """{"data":{"due_on":null,"assignee":null}}""")).AssertOk().Data!;
        Assert.Null(cleared["due_on"]);
        Assert.Null(cleared["due_at"]);
        Assert.Null(cleared["assignee"]);
    }

    [Theory]
    [InlineData("projects", """["1204000000000001"]""")]
    [InlineData("workspace", "\"1201000000000000\"")]
    [InlineData("parent", "null")]
    [InlineData("followers", "[]")]
    [InlineData("memberships", "[]")]
    [InlineData("completed_at", "null")]
    [InlineData("created_by", "null")]
    public async Task create_only_and_read_only_task_fields_cannot_be_written_by_put(string field, string value)
    {
        var gid = await FirstTaskAsync();
        (await fixture.Api.PutAsync($"tasks/{gid}", $"{{\"data\":{{\"{field}\":{value}}}}}")).AssertError(400, $"{field}: Cannot write this property");
    }

    [Fact]
    public async Task completing_a_task_sets_completed_at_and_completed_by()
    {
        var gid = await FirstTaskAsync();
        (await fixture.Api.PutAsync($"tasks/{gid}", """{"data":{"completed":false}}""")).AssertOk();
        var done = (await fixture.Api.PutAsync($"tasks/{gid}", """{"data":{"completed":true}}""")).AssertOk().Data!;
        Assert.NotNull(done["completed_at"]);
        Assert.Equal("1203000000000000", (string?)done["completed_by"]!["gid"]);
    }

    [Fact]
    public async Task a_task_moves_between_projects_with_add_project_and_remove_project()
    {
        var gid = await FirstTaskAsync();
        (await fixture.Api.PostAsync($"tasks/{gid}/addProject", AsanaClient.Data(new { project = OtherProject }))).AssertOk();
        var both = (await fixture.Api.GetAsync($"tasks/{gid}?opt_fields=projects,memberships.project")).AssertOk().Data!;
        Assert.Equal([Project, OtherProject], both["projects"]!.AsArray().Select(p => (string?)p!["gid"]));
        Assert.Equal(2, both["memberships"]!.AsArray().Count);
        var removed = (await fixture.Api.PostAsync($"tasks/{gid}/removeProject", AsanaClient.Data(new { project = Project }))).AssertOk();
        Assert.Equal("""{"data":{}}""", removed.Text);
        var one = (await fixture.Api.GetAsync($"tasks/{gid}?opt_fields=projects")).AssertOk().Data!;
        Assert.Equal([OtherProject], one["projects"]!.AsArray().Select(p => (string?)p!["gid"]));
        (await fixture.Api.PostAsync($"tasks/{gid}/addProject", "{\"data\":{}}")).AssertError(400, "project: Missing input");
        (await fixture.Api.PostAsync($"tasks/{gid}/addProject", AsanaClient.Data(new { project = "1204000000000999" }))).AssertError(400, "project: Unknown object: 1204000000000999");
    }

    [Fact]
    public async Task deleting_a_task_answers_empty_data_and_it_is_gone()
    {
        var gid = await FirstTaskAsync();
        Assert.Equal("""{"data":{}}""", (await fixture.Api.DeleteAsync($"tasks/{gid}")).AssertOk().Text);
        (await fixture.Api.GetAsync($"tasks/{gid}")).AssertError(404, $"task: Not a recognized ID: {gid}");
        (await fixture.Api.DeleteAsync($"tasks/{gid}")).AssertError(404, $"task: Not a recognized ID: {gid}");
    }

    [Fact]
    public async Task a_subtask_is_created_under_its_parent_in_the_parents_workspace()
    {
        var parent = await FirstTaskAsync();
        var sub = (await fixture.Api.PostAsync("tasks", AsanaClient.Data(new { name = "Deloppgave", parent }))).AssertOk(201).Data!;
        Assert.Equal(parent, (string?)sub["parent"]!["gid"]);
        Assert.Equal(Demo, (string?)sub["workspace"]!["gid"]);
        var counted = (await fixture.Api.GetAsync($"tasks/{parent}?opt_fields=num_subtasks")).AssertOk().Data!;
        Assert.Equal(1, (int)counted["num_subtasks"]!);
    }

    private async Task<string> FirstTaskAsync() =>
        (string)(await fixture.Api.GetAsync($"tasks?project={Project}")).AssertOk().DataArray[0]!["gid"]!;
}
