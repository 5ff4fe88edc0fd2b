using System.Text.Json.Nodes;

namespace Tolk.Asana.Tests.Emulator;

public sealed class OptFieldsTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>
{
    private const string Project = "1204000000000000";

    [Fact]
    public async Task opt_fields_answer_exactly_the_fields_named_and_the_gid()
    {
        var task = (await fixture.Api.GetAsync($"tasks?project={Project}&opt_fields=name,due_on")).AssertOk().DataArray[0]!.AsObject();
        Assert.Equal(["gid", "name", "due_on"], task.Select(p => p.Key));
    }

    [Fact]
    public async Task dotted_paths_reach_into_referenced_records()
    {
        var project = (await fixture.Api.GetAsync($"projects/{Project}?opt_fields=team.name,workspace.is_organization,owner.email,owner.workspaces.name"))
            .AssertOk().Data!.AsObject();
        Assert.Equal(["gid", "team", "workspace", "owner"], project.Select(p => p.Key));
        Assert.Equal(["gid", "name"], project["team"]!.AsObject().Select(p => p.Key));
        Assert.True((bool)project["workspace"]!["is_organization"]!);
        Assert.Contains("@", (string?)project["owner"]!["email"], StringComparison.Ordinal);
        Assert.Equal("Tolk Demo AS", (string?)project["owner"]!["workspaces"]![0]!["name"]);
    }

    [Fact]
    public async Task a_reference_named_without_a_path_is_answered_with_its_gid_and_type()
    {
        var project = (await fixture.Api.GetAsync($"projects/{Project}?opt_fields=team")).AssertOk().Data!;
        Assert.Equal(JsonNode.Parse("""{"gid":"1204000000000000","team":{"gid":"1202000000000000","resource_type":"team"}}""")!.ToJsonString(),
            project.ToJsonString());
    }

    [Fact]
    public async Task this_prefixes_and_groups_are_understood()
    {
        var task = (await fixture.Api.GetAsync($"tasks?project={Project}&opt_fields=this.(name|notes),memberships.(project|section).name")).AssertOk().DataArray[0]!.AsObject();
        Assert.Equal(["gid", "name", "notes", "memberships"], task.Select(p => p.Key));
        var membership = task["memberships"]![0]!.AsObject();
        Assert.Equal(["project", "section"], membership.Select(p => p.Key));
        Assert.Equal("Untitled section", (string?)membership["section"]!["name"]);
    }

    [Fact]
    public async Task a_name_a_resource_does_not_have_is_left_out()
    {
        var user = (await fixture.Api.GetAsync("users/me?opt_fields=name,shoe_size")).AssertOk().Data!.AsObject();
        Assert.Equal(["gid", "name"], user.Select(p => p.Key));
    }

    [Fact]
    public async Task opt_in_fields_come_only_when_asked_for()
    {
        var task = (await fixture.Api.GetAsync($"tasks?project={Project}")).AssertOk().DataArray[0]!;
        var full = (await fixture.Api.GetAsync($"tasks/{(string?)task["gid"]}")).AssertOk().Data!.AsObject();
        Assert.False(full.ContainsKey("html_notes"));
        Assert.False(full.ContainsKey("num_subtasks"));
        Assert.False(full.ContainsKey("dependencies"));
        var asked = (await fixture.Api.GetAsync($"tasks/{(string?)task["gid"]}?opt_fields=html_notes,num_subtasks,dependencies")).AssertOk().Data!.AsObject();
        Assert.Equal(["gid", "html_notes", "num_subtasks", "dependencies"], asked.Select(p => p.Key));
    }

    [Fact]
    public async Task opt_fields_apply_to_write_answers_and_to_the_options_of_a_body()
    {
        var viaQuery = (await fixture.Api.PutAsync($"projects/{Project}?opt_fields=name", """{"data":{"notes":"x"}}""")).AssertOk().Data!.AsObject();
        Assert.Equal(["gid", "name"], viaQuery.Select(p => p.Key));
        var viaOptions = (await fixture.Api.PutAsync($"projects/{Project}", """{"data":{"notes":"y"},"options":{"fields":["notes"]}}""")).AssertOk().Data!.AsObject();
        Assert.Equal(["gid", "notes"], viaOptions.Select(p => p.Key));
    }

    [Fact]
    public async Task opt_pretty_indents_the_answer()
    {
        var pretty = (await fixture.Api.GetAsync("users/me?opt_pretty=true&opt_fields=name")).AssertOk();
        Assert.Contains("\n", pretty.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_renamed_user_shows_the_new_name_in_every_reference()
    {
        await fixture.ResetAsync();
        (await fixture.Api.PutAsync("users/me", """{"data":{"name":"Omdøpt Bruker"}}""")).AssertOk();
        var project = (await fixture.Api.GetAsync("projects/1204000000000000")).AssertOk().Data!;
        var members = project["members"]!.AsArray().Concat(project["followers"]!.AsArray()).Append(project["owner"]);
        Assert.Contains(members, m => (string?)m?["name"] == "Omdøpt Bruker" || (string?)m?["gid"] != "1203000000000000");
        var me = (await fixture.Api.GetAsync("tasks?assignee=me&workspace=1201000000000001&opt_fields=assignee.name")).AssertOk().DataArray[0]!;
        Assert.Equal("Omdøpt Bruker", (string?)me["assignee"]!["name"]);
    }
}
