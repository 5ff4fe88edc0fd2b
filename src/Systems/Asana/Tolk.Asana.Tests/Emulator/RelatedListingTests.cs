using Tolk.Emulation.Sample;

namespace Tolk.Asana.Tests.Emulator;

/// <summary>
/// The relation listings Asana's official Node client (asana@3.2.0) calls and the emulator first answered with
/// "No matching route": a project's sections, a task's subtasks and projects, a user's teams, a user in a workspace,
/// and users named by email in the path.
/// </summary>
public sealed class RelatedListingTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    private const string Demo = "1201000000000000";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_projects_sections_are_listed_and_each_can_be_read()
    {
        var project = await FirstProjectAsync();
        var sections = (await fixture.Api.GetAsync($"projects/{project}/sections")).AssertOk().DataArray;
        var section = Assert.Single(sections)!.AsObject();
        Assert.Equal(["gid", "resource_type", "name"], section.Select(p => p.Key));
        var full = (await fixture.Api.GetAsync($"sections/{section["gid"]}")).AssertOk().Data!;
        Assert.Equal("section", (string?)full["resource_type"]);
        Assert.Equal(project, (string?)full["project"]!["gid"]);
        (await fixture.Api.GetAsync("projects/1204999999999999/sections")).AssertError(404, "project: Not a recognized ID: 1204999999999999");
    }

    [Fact]
    public async Task a_tasks_subtasks_and_projects_are_listed()
    {
        var project = await FirstProjectAsync();
        var parent = (string)(await fixture.Api.GetAsync($"projects/{project}/tasks")).AssertOk().DataArray[0]!["gid"]!;
        Assert.Empty((await fixture.Api.GetAsync($"tasks/{parent}/subtasks")).AssertOk().DataArray);
        var sub = (string)(await fixture.Api.PostAsync("tasks", AsanaClient.Data(new { name = "Deloppgave", parent }))).AssertOk(201).Data!["gid"]!;
        var subtasks = (await fixture.Api.GetAsync($"tasks/{parent}/subtasks")).AssertOk().DataArray;
        Assert.Equal([sub], subtasks.Select(t => (string?)t!["gid"]));
        var projects = (await fixture.Api.GetAsync($"tasks/{parent}/projects?opt_fields=name")).AssertOk().DataArray;
        Assert.Contains(project, projects.Select(p => (string?)p!["gid"]));
    }

    [Fact]
    public async Task a_users_teams_need_the_organization_and_are_the_teams_it_belongs_to()
    {
        (await fixture.Api.GetAsync("users/me/teams")).AssertError(400, "organization: Missing input");
        var teams = (await fixture.Api.GetAsync($"users/me/teams?organization={Demo}")).AssertOk().DataArray;
        Assert.NotEmpty(teams);
        var me = (string)(await fixture.Api.GetAsync("users/me")).AssertOk().Data!["gid"]!;
        foreach (var team in teams)
        {
            var members = (await fixture.Api.GetAsync($"teams/{team!["gid"]}/users")).AssertOk().DataArray;
            Assert.Contains(me, members.Select(m => (string?)m!["gid"]));
        }
    }

    [Fact]
    public async Task a_user_is_read_by_email_or_within_a_workspace()
    {
        var world = SampleWorld.Create(SampleOptions.Small);
        var byEmail = (await fixture.Api.GetAsync($"users/{world.People[0].Email}")).AssertOk().Data!;
        Assert.Equal(world.People[0].FullName, (string?)byEmail["name"]);
        (await fixture.Api.GetAsync("users/nobody@tolkdemo.no")).AssertError(404, "user: Not a recognized ID: nobody@tolkdemo.no");
        var inWorkspace = (await fixture.Api.GetAsync($"workspaces/{Demo}/users/me?opt_fields=email")).AssertOk().Data!;
        Assert.Equal(world.People[0].Email, (string?)inWorkspace["email"]);
    }

    private async Task<string> FirstProjectAsync() =>
        (string)(await fixture.Api.GetAsync($"workspaces/{Demo}/projects")).AssertOk().DataArray[0]!["gid"]!;
}
