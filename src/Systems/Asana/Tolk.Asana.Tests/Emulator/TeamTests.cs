using Tolk.Emulation.Sample;

namespace Tolk.Asana.Tests.Emulator;

public sealed class TeamTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    private const string Demo = "1201000000000000";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task teams_are_listed_per_organization_with_the_customers_exact_names()
    {
        var world = SampleWorld.Create(SampleOptions.Small);
        var teams = (await fixture.Api.GetAsync($"workspaces/{Demo}/teams")).AssertOk().DataArray;
        Assert.Equal(world.Organizations.Take(world.Scaled(8)).Select(o => o.Name), teams.Select(t => (string?)t!["name"]));
        Assert.All(teams, t => Assert.Equal(["gid", "resource_type", "name"], t!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task there_is_no_get_teams()
    {
        (await fixture.Api.GetAsync("teams")).AssertError(404, "No matching route for request");
    }

    [Fact]
    public async Task a_team_reads_in_full_but_its_description_is_opt_in()
    {
        var world = SampleWorld.Create(SampleOptions.Small);
        var full = (await fixture.Api.GetAsync("teams/1202000000000000")).AssertOk().Data!.AsObject();
        Assert.Equal(["gid", "resource_type", "name", "organization", "permalink_url", "visibility"], full.Select(p => p.Key));
        Assert.Equal("""{"gid":"1201000000000000","resource_type":"workspace","name":"Tolk Demo AS"}""", full["organization"]!.ToJsonString());
        var described = (await fixture.Api.GetAsync("teams/1202000000000000?opt_fields=description,html_description")).AssertOk().Data!;
        Assert.Equal(world.Organizations[0].Description, (string?)described["description"]);
        Assert.StartsWith("<body>", (string?)described["html_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_team_is_created_in_an_organization_and_answered_201_with_its_location()
    {
        var created = await fixture.Api.PostAsync("teams",
            """{"data":{"name":"Nordlys Data AS","organization":"1201000000000000","description":"Ny kunde","visibility":"secret"}}""");
        created.AssertOk(201);
        var gid = (string)created.Data!["gid"]!;
        Assert.EndsWith($"/api/1.0/teams/{gid}", created.Headers["Location"], StringComparison.Ordinal);
        Assert.Equal("secret", (string?)created.Data["visibility"]);
        var read = (await fixture.Api.GetAsync($"teams/{gid}?opt_fields=name,description,html_description")).AssertOk().Data!;
        Assert.Equal("Ny kunde", (string?)read["description"]);
        Assert.Equal("<body>Ny kunde</body>", (string?)read["html_description"]);
        var members = (await fixture.Api.GetAsync($"teams/{gid}/users")).AssertOk().DataArray;
        Assert.Equal("1203000000000000", (string?)Assert.Single(members)!["gid"]);
    }

    [Fact]
    public async Task a_team_needs_a_name_and_an_organization()
    {
        (await fixture.Api.PostAsync("teams", """{"data":{"name":"X"}}""")).AssertError(400, "organization: Missing input");
        (await fixture.Api.PostAsync("teams", """{"data":{"organization":"1201000000000000"}}""")).AssertError(400, "name: Missing input");
        (await fixture.Api.PostAsync("teams", """{"data":{"name":"X","organization":"1201000000000001"}}"""))
            .AssertError(400, "organization: Not an organization: 1201000000000001");
        (await fixture.Api.PostAsync("teams", """{"data":{"name":"X","organization":"1201000000000077"}}"""))
            .AssertError(400, "organization: Unknown object: 1201000000000077");
    }

    [Fact]
    public async Task a_team_update_changes_name_and_description_and_keeps_the_html_in_step()
    {
        var updated = (await fixture.Api.PutAsync("teams/1202000000000000?opt_fields=name,description,html_description",
            """{"data":{"name":"Nytt navn","html_description":"<body>Med <strong>fet</strong> skrift &amp; mer</body>"}}""")).AssertOk().Data!;
        Assert.Equal("Nytt navn", (string?)updated["name"]);
        Assert.Equal("Med fet skrift & mer", (string?)updated["description"]);
        (await fixture.Api.PutAsync("teams/1202000000000000", """{"data":{"organization":"1201000000000000"}}"""))
            .AssertError(400, "organization: Cannot write this property");
        (await fixture.Api.PutAsync("teams/1202000000000000", """{"data":{"html_description":"plain"}}"""))
            .AssertError(400, "html_description: XML is invalid: the value must be wrapped in a <body> element");
    }

    [Fact]
    public async Task teams_cannot_be_deleted()
    {
        (await fixture.Api.DeleteAsync("teams/1202000000000000")).AssertError(404, "No matching route for request");
    }
}
