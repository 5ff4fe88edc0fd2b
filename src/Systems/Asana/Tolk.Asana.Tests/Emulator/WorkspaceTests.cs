using System.Text.Json.Nodes;

namespace Tolk.Asana.Tests.Emulator;

public sealed class WorkspaceTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task listing_workspaces_answers_the_callers_workspaces_compact()
    {
        var response = (await fixture.Api.GetAsync("workspaces")).AssertOk();
        Assert.Equal("application/json; charset=UTF-8", response.ContentType);
        var workspaces = response.DataArray;
        Assert.Equal(2, workspaces.Count);
        Assert.Equal("""{"gid":"1201000000000000","resource_type":"workspace","name":"Tolk Demo AS"}""", workspaces[0]!.ToJsonString());
        Assert.Equal("Personal Projects", (string?)workspaces[1]!["name"]);
        Assert.False(response.Json!.AsObject().ContainsKey("next_page"));
    }

    [Fact]
    public async Task another_user_sees_only_the_organization()
    {
        var response = (await fixture.Other.GetAsync("workspaces")).AssertOk();
        Assert.Equal(["Tolk Demo AS"], response.DataArray.Select(w => (string?)w!["name"]));
    }

    [Fact]
    public async Task a_workspace_reads_in_full_with_email_domains_and_is_organization()
    {
        var demo = (await fixture.Api.GetAsync("workspaces/1201000000000000")).AssertOk().Data!;
        Assert.Equal("""{"gid":"1201000000000000","resource_type":"workspace","name":"Tolk Demo AS","email_domains":["tolkdemo.no"],"is_organization":true}""", demo.ToJsonString());
        var personal = (await fixture.Api.GetAsync("workspaces/1201000000000001")).AssertOk().Data!;
        Assert.False((bool)personal["is_organization"]!);
        Assert.Empty(personal["email_domains"]!.AsArray());
    }

    [Fact]
    public async Task a_workspace_can_be_renamed_and_nothing_else()
    {
        var renamed = (await fixture.Api.PutAsync("workspaces/1201000000000001", """{"data":{"name":"Mine"}}""")).AssertOk();
        Assert.Equal("Mine", (string?)renamed.Data!["name"]);
        (await fixture.Api.PutAsync("workspaces/1201000000000001", """{"data":{"is_organization":true}}"""))
            .AssertError(400, "is_organization: Cannot write this property");
        (await fixture.Api.PutAsync("workspaces/1201000000000001", """{"data":{"email_domains":["x.no"]}}"""))
            .AssertError(400, "email_domains: Cannot write this property");
    }

    [Fact]
    public async Task workspaces_cannot_be_created_or_deleted()
    {
        (await fixture.Api.PostAsync("workspaces", """{"data":{"name":"New"}}""")).AssertError(404, "No matching route for request");
        (await fixture.Api.DeleteAsync("workspaces/1201000000000001")).AssertError(404, "No matching route for request");
    }

    [Fact]
    public async Task an_unknown_workspace_is_404_and_a_malformed_gid_400()
    {
        (await fixture.Api.GetAsync("workspaces/1201000000009999")).AssertError(404, "workspace: Not a recognized ID: 1201000000009999");
        (await fixture.Api.GetAsync("workspaces/abc")).AssertError(400, "workspace: Not a recognized ID: abc");
    }

    [Fact]
    public async Task opt_fields_select_workspace_fields()
    {
        var demo = (await fixture.Api.GetAsync("workspaces?opt_fields=is_organization")).AssertOk().DataArray[0]!;
        Assert.Equal(new JsonObject { ["gid"] = "1201000000000000", ["is_organization"] = true }.ToJsonString(), demo.ToJsonString());
    }
}
