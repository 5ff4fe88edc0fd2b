using System.Text.Json.Nodes;

namespace Tolk.Trello.Tests.Emulator;

public sealed class OrganizationTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task create_returns_200_with_the_workspace_and_a_name_derived_from_the_display_name()
    {
        var reply = await fixture.PostAsync("organizations?displayName=Ny%20Kunde%20%C3%98st%20AS&desc=Hei&website=https://ny.example");
        Assert.Equal(200, reply.Status);
        var org = reply.Obj;
        Assert.Matches("^[0-9a-f]{24}$", (string?)org["id"]);
        Assert.Equal("nykundestas", (string?)org["name"]);
        Assert.Equal("Ny Kunde Øst AS", (string?)org["displayName"]);
        Assert.Equal("https://ny.example", (string?)org["website"]);
        Assert.Equal("https://trello.com/w/nykundestas", (string?)org["url"]);
        foreach (var field in new[] { "idBoards", "dateLastActivity", "desc" })
        {
            Assert.True(org.ContainsKey(field), field);
        }
    }

    [Fact]
    public async Task a_name_in_use_gets_digits_appended_and_invalid_characters_are_stripped()
    {
        var first = (await fixture.PostAsync("organizations?displayName=Dup&name=Dup-Name!")).Obj;
        var second = (await fixture.PostAsync("organizations?displayName=Dup&name=dupname")).Obj;
        var third = (await fixture.PostAsync("organizations?displayName=Dup%20Name")).Obj;
        Assert.Equal("dupname", (string?)first["name"]);
        Assert.Equal("dupname1", (string?)second["name"]);
        Assert.Equal("dupname2", (string?)third["name"]);
    }

    [Fact]
    public async Task a_workspace_is_found_by_id_and_by_name()
    {
        var org = await fixture.FirstOrganizationAsync();
        var byName = (await fixture.GetAsync($"organizations/{org["name"]}")).Obj;
        Assert.Equal((string?)org["id"], (string?)byName["id"]);
        var fields = (await fixture.GetAsync($"organizations/{org["id"]}?fields=displayName,website")).Obj;
        Assert.Equal(["id", "displayName", "website"], fields.Select(kv => kv.Key));
    }

    [Fact]
    public async Task update_takes_query_fields_records_update_organization_and_moves_date_last_activity()
    {
        var org = await fixture.FirstOrganizationAsync();
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var reply = await fixture.PutAsync($"organizations/{org["id"]}?displayName=Renamed%20AS&desc=Ny%20beskrivelse");
        Assert.Equal(200, reply.Status);
        Assert.Equal("Renamed AS", (string?)reply.Obj["displayName"]);
        Assert.NotEqual((string?)org["dateLastActivity"], (string?)reply.Obj["dateLastActivity"]);
        var action = (JsonObject)(await fixture.GetAsync($"organizations/{org["id"]}/actions?filter=updateOrganization")).Array[0]!;
        Assert.Equal((string?)org["displayName"], (string?)action["data"]!["old"]!["displayName"]);
    }

    [Fact]
    public async Task a_json_body_update_is_accepted_too()
    {
        var org = await fixture.FirstOrganizationAsync();
        var reply = await fixture.PutAsync($"organizations/{org["id"]}", new JsonObject { ["website"] = "https://json.example" });
        Assert.Equal("https://json.example", (string?)reply.Obj["website"]);
    }

    [Fact]
    public async Task renaming_to_a_taken_name_appends_digits()
    {
        var orgs = (await fixture.GetAsync("members/me/organizations")).Array;
        var reply = await fixture.PutAsync($"organizations/{orgs[1]!["id"]}?name={orgs[0]!["name"]}");
        Assert.Equal($"{orgs[0]!["name"]}2", (string?)reply.Obj["name"]);
    }

    [Fact]
    public async Task delete_answers_value_null_and_the_workspace_is_gone()
    {
        var org = (await fixture.PostAsync("organizations?displayName=Short%20Lived")).Obj;
        var reply = await fixture.DeleteAsync($"organizations/{org["id"]}");
        Assert.Equal(200, reply.Status);
        Assert.Equal("{\"_value\":null}", reply.Body);
        Assert.Equal(404, (await fixture.GetAsync($"organizations/{org["id"]}")).Status);
        var me = (await fixture.GetAsync("members/me")).Obj;
        Assert.DoesNotContain((string?)org["id"], ((JsonArray)me["idOrganizations"]!).Select(n => (string?)n));
    }

    [Fact]
    public async Task removing_a_member_from_a_workspace_takes_them_off_its_listing()
    {
        var org = await fixture.FirstOrganizationAsync();
        var member = (await fixture.GetAsync($"organizations/{org["id"]}/members")).Array.Last()!;
        Assert.Equal(200, (await fixture.DeleteAsync($"organizations/{org["id"]}/members/{member["id"]}")).Status);
        var after = (await fixture.GetAsync($"organizations/{org["id"]}/members")).Array;
        Assert.DoesNotContain((string?)member["id"], after.Select(m => (string?)m!["id"]));
        Assert.Equal(404, (await fixture.DeleteAsync($"organizations/{org["id"]}/members/{member["id"]}")).Status);
        Assert.Equal("invalid id", (await fixture.DeleteAsync($"organizations/{org["id"]}/members/nope")).Body);
    }

    [Fact]
    public async Task a_workspaces_boards_are_listed_with_filter_and_fields()
    {
        var org = await fixture.FirstOrganizationAsync();
        var boards = (await fixture.GetAsync($"organizations/{org["id"]}/boards?filter=open&fields=name,idOrganization")).Array;
        Assert.Single(boards);
        Assert.Equal((string?)org["id"], (string?)boards[0]!["idOrganization"]);
    }
}
