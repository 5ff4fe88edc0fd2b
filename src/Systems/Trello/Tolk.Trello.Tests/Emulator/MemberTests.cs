using System.Text.Json.Nodes;

namespace Tolk.Trello.Tests.Emulator;

public sealed class MemberTests(TrelloFixture fixture) : IClassFixture<TrelloFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonObject> SomeMemberAsync()
    {
        var org = await fixture.FirstOrganizationAsync();
        var members = (await fixture.GetAsync($"organizations/{org["id"]}/members")).Array;
        return (JsonObject)members.First(m => (string?)m!["username"] != "tolksync")!;
    }

    [Fact]
    public async Task a_member_is_found_by_id_by_username_and_as_me()
    {
        var me = (await fixture.GetAsync("members/me")).Obj;
        var byId = (await fixture.GetAsync($"members/{me["id"]}")).Obj;
        var byName = (await fixture.GetAsync($"members/{me["username"]}")).Obj;
        Assert.Equal((string?)me["id"], (string?)byId["id"]);
        Assert.Equal((string?)me["id"], (string?)byName["id"]);
        foreach (var field in new[] { "id", "username", "fullName", "initials", "bio", "email", "avatarUrl", "confirmed", "memberType", "idOrganizations", "idBoards", "url" })
        {
            Assert.True(me.ContainsKey(field), field);
        }
    }

    [Fact]
    public async Task workspace_member_listings_give_id_full_name_and_username_unless_fields_asks_for_more()
    {
        var org = await fixture.FirstOrganizationAsync();
        var plain = (JsonObject)(await fixture.GetAsync($"organizations/{org["id"]}/members")).Array[0]!;
        Assert.Equal(["id", "fullName", "username"], plain.Select(kv => kv.Key));
        var withEmail = (await fixture.GetAsync($"organizations/{org["id"]}/members?fields=fullName,email")).Array;
        Assert.All(withEmail, m => Assert.Contains("@", (string?)m!["email"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task email_is_visible_to_an_admin_of_the_members_workspace_and_hidden_otherwise()
    {
        var member = await SomeMemberAsync();
        var full = (await fixture.GetAsync($"members/{member["id"]}")).Obj;
        Assert.NotNull((string?)full["email"]);
        // Once the member leaves every workspace the token's member administers, the email is no longer visible.
        foreach (var orgId in ((JsonArray)full["idOrganizations"]!).Select(n => (string)n!))
        {
            Assert.Equal(200, (await fixture.DeleteAsync($"organizations/{orgId}/members/{member["id"]}")).Status);
        }
        var after = (await fixture.GetAsync($"members/{member["id"]}")).Obj;
        Assert.Null((string?)after["email"]);
    }

    [Fact]
    public async Task updating_a_member_takes_fields_from_the_query_and_records_update_member()
    {
        var member = await SomeMemberAsync();
        var reply = await fixture.PutAsync($"members/{member["id"]}?fullName=Kari%20Nordmann&initials=KN&bio=Hei");
        Assert.Equal(200, reply.Status);
        Assert.Equal("Kari Nordmann", (string?)reply.Obj["fullName"]);
        Assert.Equal("KN", (string?)reply.Obj["initials"]);
        var actions = (await fixture.GetAsync($"members/{member["id"]}/actions?filter=updateMember")).Array;
        var action = (JsonObject)actions[0]!;
        Assert.Equal("updateMember", (string?)action["type"]);
        Assert.Equal((string?)member["fullName"], (string?)action["data"]!["old"]!["fullName"]);
    }

    [Fact]
    public async Task a_username_must_be_unique()
    {
        var member = await SomeMemberAsync();
        var reply = await fixture.PutAsync("members/me?username=" + member["username"]);
        Assert.Equal(400, reply.Status);
        Assert.Equal("Username is taken", reply.Body);
        var ok = await fixture.PutAsync("members/me?username=tolk_sync_2");
        Assert.Equal("tolk_sync_2", (string?)ok.Obj["username"]);
        Assert.Equal(200, (await fixture.GetAsync("members/tolk_sync_2")).Status);
    }

    [Fact]
    public async Task a_members_organizations_and_boards_are_listed()
    {
        var orgs = (await fixture.GetAsync("members/me/organizations?filter=all")).Array;
        var me = (await fixture.GetAsync("members/me")).Obj;
        Assert.Equal(((JsonArray)me["idOrganizations"]!).Count, orgs.Count);
        var boards = (await fixture.GetAsync("members/me/boards?fields=name")).Array;
        Assert.All(boards, b => Assert.Equal(["id", "name"], ((JsonObject)b!).Select(kv => kv.Key)));
        Assert.Empty((await fixture.GetAsync("members/me/organizations?filter=none")).Array);
    }

    [Fact]
    public async Task members_cannot_be_created_through_the_api()
    {
        var reply = await fixture.PostAsync("members", new JsonObject { ["fullName"] = "New Person" });
        Assert.Equal(404, reply.Status);
    }
}
