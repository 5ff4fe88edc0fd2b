using Tolk.Emulation.Sample;

namespace Tolk.Asana.Tests.Emulator;

public sealed class ProjectTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    private const string Demo = "1201000000000000";
    private const string Team = "1202000000000000";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task projects_are_the_worlds_even_projects_with_their_dates_notes_and_status()
    {
        var world = SampleWorld.Create(SampleOptions.Small);
        var expected = world.Projects.Where(p => p.Index % 2 == 0).ToList();
        var projects = (await fixture.Api.GetAsync($"projects?workspace={Demo}&opt_fields=name,notes,start_on,due_on,completed,archived,team.name,owner.email"))
            .AssertOk().DataArray;
        Assert.Equal(expected.Select(p => p.Name), projects.Select(p => (string?)p!["name"]));
        for (var i = 0; i < expected.Count; i++)
        {
            var (p, json) = (expected[i], projects[i]!);
            Assert.Equal(p.Description, (string?)json["notes"]);
            Assert.Equal(p.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)json["start_on"]);
            Assert.Equal(p.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)json["due_on"]);
            Assert.Equal(p.Status == "completed", (bool)json["completed"]!);
            Assert.Equal(p.Status == "cancelled", (bool)json["archived"]!);
            if (p.CustomerIndex < world.Scaled(8))
            {
                Assert.Equal(world.Organizations[p.CustomerIndex].Name, (string?)json["team"]!["name"]);
            }
            if (p.ManagerIndex % 10 != 9)
            {
                Assert.Equal(world.People[p.ManagerIndex].Email, (string?)json["owner"]!["email"]);
            }
        }
    }

    [Fact]
    public async Task listings_by_team_and_workspace_agree_and_archived_filters_both_ways()
    {
        var all = (await fixture.Api.GetAsync($"workspaces/{Demo}/projects")).AssertOk().DataArray;
        var archived = (await fixture.Api.GetAsync($"projects?workspace={Demo}&archived=true")).AssertOk().DataArray;
        var active = (await fixture.Api.GetAsync($"projects?workspace={Demo}&archived=false")).AssertOk().DataArray;
        Assert.Equal(all.Count, archived.Count + active.Count);
        var byTeam = (await fixture.Api.GetAsync($"teams/{Team}/projects")).AssertOk().DataArray;
        var byTeamQuery = (await fixture.Api.GetAsync($"projects?team={Team}")).AssertOk().DataArray;
        Assert.Equal(byTeam.ToJsonString(), byTeamQuery.ToJsonString());
        (await fixture.Api.GetAsync($"projects?workspace={Demo}&archived=maybe")).AssertError(400, "archived: Value is not a boolean: maybe");
    }

    [Fact]
    public async Task a_project_reads_in_full_without_its_html_notes()
    {
        var gid = await FirstProjectAsync();
        var project = (await fixture.Api.GetAsync($"projects/{gid}")).AssertOk().Data!.AsObject();
        foreach (var field in new[] { "name", "notes", "archived", "color", "completed", "completed_at", "created_at", "modified_at", "start_on", "due_on",
            "owner", "team", "workspace", "members", "followers", "privacy_setting", "default_view", "permalink_url" })
        {
            Assert.True(project.ContainsKey(field), field);
        }
        Assert.False(project.ContainsKey("html_notes"));
        Assert.Equal($"https://app.asana.com/0/{gid}/{gid}", (string?)project["permalink_url"]);
    }

    [Fact]
    public async Task creating_a_project_in_an_organization_needs_a_team()
    {
        (await fixture.Api.PostAsync("projects", """{"data":{"name":"P"}}""")).AssertError(400, "workspace: Missing input");
        (await fixture.Api.PostAsync("projects", AsanaClient.Data(new { name = "P", workspace = Demo }))).AssertError(400, "Missing required team field");
        (await fixture.Api.PostAsync("projects", AsanaClient.Data(new { workspace = Demo, team = Team }))).AssertError(400, "name: Missing input");
        var created = (await fixture.Api.PostAsync("projects", AsanaClient.Data(new
            {
                name = "Kundeportal", workspace = Demo, team = Team, notes = "Fase 1", due_on = "2026-03-01", start_on = "2026-01-10", color = "dark-blue",
            })))
            .AssertOk(201).Data!;
        Assert.Equal("Kundeportal", (string?)created["name"]);
        Assert.Equal(Team, (string?)created["team"]!["gid"]);
        Assert.Equal("1203000000000000", (string?)created["owner"]!["gid"]);
        Assert.Equal("2026-01-05T09:00:00.000Z", (string?)created["created_at"]);
        Assert.Equal((string?)created["created_at"], (string?)created["modified_at"]);
    }

    [Fact]
    public async Task a_project_in_the_personal_workspace_needs_no_team()
    {
        var created = (await fixture.Api.PostAsync("workspaces/1201000000000001/projects", """{"data":{"name":"Hjemme"}}""")).AssertOk(201).Data!;
        Assert.Null(created["team"]);
        var viaTeam = (await fixture.Api.PostAsync($"teams/{Team}/projects", """{"data":{"name":"Via team"}}""")).AssertOk(201).Data!;
        Assert.Equal(Demo, (string?)viaTeam["workspace"]!["gid"]);
    }

    [Fact]
    public async Task updating_a_project_moves_modified_at_and_completing_it_sets_completed_at()
    {
        var gid = await FirstProjectAsync();
        var reopened = (await fixture.Api.PutAsync($"projects/{gid}", """{"data":{"completed":false}}""")).AssertOk().Data!;
        Assert.Null(reopened["completed_at"]);
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var updated = (await fixture.Api.PutAsync($"projects/{gid}", """{"data":{"name":"Nytt navn","completed":true,"owner":"me"}}""")).AssertOk().Data!;
        Assert.Equal("Nytt navn", (string?)updated["name"]);
        Assert.True((bool)updated["completed"]!);
        Assert.Equal(fixture.Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), (string?)updated["completed_at"]);
        Assert.Equal((string?)updated["completed_at"], (string?)updated["modified_at"]);
        Assert.Equal("1203000000000000", (string?)updated["owner"]!["gid"]);
    }

    [Fact]
    public async Task a_project_update_that_changes_nothing_leaves_modified_at_alone()
    {
        var gid = await FirstProjectAsync();
        var before = (await fixture.Api.GetAsync($"projects/{gid}")).AssertOk().Data!;
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var after = (await fixture.Api.PutAsync($"projects/{gid}", AsanaClient.Data(new { name = (string?)before["name"] }))).AssertOk().Data!;
        Assert.Equal((string?)before["modified_at"], (string?)after["modified_at"]);
    }

    [Fact]
    public async Task read_only_and_unknown_project_fields_are_refused()
    {
        var gid = await FirstProjectAsync();
        (await fixture.Api.PutAsync($"projects/{gid}", """{"data":{"modified_at":"2026-01-01T00:00:00Z"}}""")).AssertError(400, "modified_at: Cannot write this property");
        (await fixture.Api.PutAsync($"projects/{gid}", """{"data":{"workspace":"1201000000000001"}}""")).AssertError(400, "workspace: Cannot write this property");
        (await fixture.Api.PutAsync($"projects/{gid}", """{"data":{"nmae":"x"}}""")).AssertError(400, "nmae: Unknown property");
        (await fixture.Api.PutAsync($"projects/{gid}", """{"data":{"color":"purple"}}"""))
            .AssertError(400, "color: Not a valid enum value: \"purple\". Valid values are: dark-pink, dark-green, dark-blue, dark-red, dark-teal, dark-brown, dark-orange, dark-purple, dark-warm-gray, light-pink, light-green, light-blue, light-red, light-teal, light-brown, light-orange, light-purple, light-warm-gray, none");
    }

    [Fact]
    public async Task deleting_a_project_answers_empty_data_and_takes_its_only_tasks_along()
    {
        var gid = await FirstProjectAsync();
        var tasks = (await fixture.Api.GetAsync($"projects/{gid}/tasks")).AssertOk().DataArray;
        Assert.NotEmpty(tasks);
        var deleted = (await fixture.Api.DeleteAsync($"projects/{gid}")).AssertOk();
        Assert.Equal("""{"data":{}}""", deleted.Text);
        (await fixture.Api.GetAsync($"projects/{gid}")).AssertError(404, $"project: Not a recognized ID: {gid}");
        (await fixture.Api.GetAsync($"tasks/{(string?)tasks[0]!["gid"]}")).AssertOk(404);
    }

    private async Task<string> FirstProjectAsync() =>
        (string)(await fixture.Api.GetAsync($"projects?workspace={Demo}")).AssertOk().DataArray[0]!["gid"]!;
}
