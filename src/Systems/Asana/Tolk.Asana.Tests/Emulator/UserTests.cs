using Tolk.Emulation.Sample;

namespace Tolk.Asana.Tests.Emulator;

public sealed class UserTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task users_of_a_workspace_are_compact_and_sorted_by_gid()
    {
        var users = (await fixture.Api.GetAsync("users?workspace=1201000000000000")).AssertOk().DataArray;
        var gids = users.Select(u => (string)u!["gid"]!).ToList();
        Assert.Equal(gids.Order(StringComparer.Ordinal), gids);
        Assert.All(users, u => Assert.Equal(["gid", "resource_type", "name"], u!.AsObject().Select(p => p.Key)));
        var alias = (await fixture.Api.GetAsync("workspaces/1201000000000000/users")).AssertOk().DataArray;
        Assert.Equal(users.ToJsonString(), alias.ToJsonString());
    }

    [Fact]
    public async Task users_are_the_employees_but_every_tenth_and_the_first_near_miss_person()
    {
        var world = SampleWorld.Create(SampleOptions.Demo);
        var expected = world.Employees.Where(e => e.Index % 10 != 9).Select(e => e.Email).Append(world.NearMissPeople[0].Email).ToList();
        await fixture.Server.Admin.ResetAsync(new Tolk.Emulation.Admin.ResetRequest(Size: "demo"));
        var users = (await fixture.Api.GetAsync("users?workspace=1201000000000000&opt_fields=name,email")).AssertOk().DataArray;
        Assert.Equal(expected, users.Select(u => (string?)u!["email"]));
        var twin = users.Where(u => (string?)u!["name"] == world.NearMissPeople[0].FullName).Select(u => (string?)u!["email"]).ToList();
        Assert.Equal(2, twin.Count);
        Assert.NotEqual(twin[0], twin[1]);
    }

    [Fact]
    public async Task me_reads_the_callers_full_record()
    {
        var world = SampleWorld.Create(SampleOptions.Small);
        var me = (await fixture.Api.GetAsync("users/me")).AssertOk().Data!.AsObject();
        Assert.Equal(["gid", "resource_type", "name", "email", "photo", "workspaces"], me.Select(p => p.Key));
        Assert.Equal(world.People[0].FullName, (string?)me["name"]);
        Assert.Equal(world.People[0].Email, (string?)me["email"]);
        Assert.Equal(2, me["workspaces"]!.AsArray().Count);
    }

    [Fact]
    public async Task a_user_can_be_renamed_but_the_email_is_read_only()
    {
        var renamed = (await fixture.Api.PutAsync("users/1203000000000001", """{"data":{"name":"Kari Nordmann"}}""")).AssertOk();
        Assert.Equal("Kari Nordmann", (string?)renamed.Data!["name"]);
        (await fixture.Api.PutAsync("users/1203000000000001", """{"data":{"email":"new@tolkdemo.no"}}"""))
            .AssertError(400, "email: Cannot write this property");
        (await fixture.Api.PutAsync("users/me", """{"data":{"name":""}}""")).AssertError(400, "name: Missing input");
    }

    [Fact]
    public async Task users_cannot_be_created()
    {
        (await fixture.Api.PostAsync("users", """{"data":{"name":"New"}}""")).AssertError(404, "No matching route for request");
    }

    [Fact]
    public async Task team_members_are_listed_by_team()
    {
        var members = (await fixture.Api.GetAsync("teams/1202000000000000/users")).AssertOk().DataArray;
        Assert.NotEmpty(members);
        var byQuery = (await fixture.Api.GetAsync("users?team=1202000000000000")).AssertOk().DataArray;
        Assert.Equal(members.ToJsonString(), byQuery.ToJsonString());
    }

    [Fact]
    public async Task an_unknown_user_is_404()
    {
        (await fixture.Api.GetAsync("users/1203000000099999")).AssertError(404, "user: Not a recognized ID: 1203000000099999");
        (await fixture.Api.GetAsync("users?workspace=42")).AssertError(400, "workspace: Unknown object: 42");
    }
}
