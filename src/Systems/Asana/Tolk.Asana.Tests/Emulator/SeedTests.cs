using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Tolk.Asana.Emulator;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Asana.Tests.Emulator;

public sealed class SeedTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    private static readonly string[] Collections = ["workspaces", "teams", "users", "projects", "tasks", "sections", "team_memberships"];

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task the_same_seed_gives_the_same_data_and_gids_in_another_emulator()
    {
        await using var twin = await EmulatorServer.StartAsync(ctx => new AsanaEmulator(ctx),
            new EmulatorServerOptions { Time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)), Sample = SampleOptions.Small });
        foreach (var collection in Collections)
        {
            var mine = await fixture.Server.Admin.ListAsync(collection);
            var theirs = await twin.Admin.ListAsync(collection);
            Assert.NotEmpty(mine);
            Assert.Equal(string.Join("\n", mine.Select(r => r.ToJsonString())), string.Join("\n", theirs.Select(r => r.ToJsonString())));
        }
    }

    [Fact]
    public async Task another_seed_gives_other_data()
    {
        var before = await fixture.Server.Admin.ListAsync("teams");
        await fixture.Server.Admin.ResetAsync(new ResetRequest(Seed: 7, Size: "small"));
        var after = await fixture.Server.Admin.ListAsync("teams");
        Assert.NotEqual(before.Select(t => (string?)t["name"]), after.Select(t => (string?)t["name"]));
        Assert.Equal(before.Select(t => (string?)t["gid"]), after.Select(t => (string?)t["gid"]));
    }

    [Fact]
    public async Task the_demo_size_has_the_documented_shape()
    {
        var world = SampleWorld.Create(SampleOptions.Demo);
        await fixture.Server.Admin.ResetAsync(new ResetRequest(Seed: 42, Size: "demo"));
        Assert.Equal(2, (await fixture.Server.Admin.ListAsync("workspaces")).Count);
        Assert.Equal(world.Organizations.Take(8).Select(o => (o.Name, o.Description)),
            (await fixture.Server.Admin.ListAsync("teams")).Select(t => ((string)t["name"]!, (string)t["description"]!)));
        Assert.Equal(world.Employees.Count(e => e.Index % 10 != 9) + 1, (await fixture.Server.Admin.ListAsync("users")).Count);
        var projects = await fixture.Server.Admin.ListAsync("projects");
        Assert.Equal(world.Projects.Count(p => p.Index % 2 == 0) + 2, projects.Count);
        var tasks = await fixture.Server.Admin.ListAsync("tasks");
        Assert.Equal(world.Tasks.Count(t => t.ProjectIndex % 2 == 0) + 4, tasks.Count);
        var personal = projects.Where(p => (string?)p["workspace"]!["gid"] == "1201000000000001").ToList();
        Assert.Equal(2, personal.Count);
        Assert.All(personal, p => Assert.Null(p["team"]));
        Assert.Equal(4, tasks.Count(t => (string?)t["workspace"]!["gid"] == "1201000000000001"));
        Assert.All(projects.Concat(tasks), r => Assert.True(
            DateTimeOffset.Parse((string)r["modified_at"]!, System.Globalization.CultureInfo.InvariantCulture) < fixture.Time.GetUtcNow()));
    }

    [Fact]
    public async Task the_large_size_seeds_quickly_and_answers_paged_listings()
    {
        var started = Stopwatch.GetTimestamp();
        await fixture.Server.Admin.ResetAsync(new ResetRequest(Seed: 42, Size: "large"));
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(20));
        (await fixture.Api.GetAsync("users?workspace=1201000000000000"))
            .AssertError(400, "The result is too large. You should use pagination (may require specifying a workspace)!");
        var page = (await fixture.Api.GetAsync("users?workspace=1201000000000000&limit=100")).AssertOk();
        Assert.Equal(100, page.DataArray.Count);
    }

    [Fact]
    public async Task gids_are_strings_of_digits_stable_by_type()
    {
        foreach (var (collection, prefix) in new[] { ("workspaces", "1201"), ("teams", "1202"), ("users", "1203"), ("projects", "1204"), ("tasks", "1205") })
        {
            Assert.All(await fixture.Server.Admin.ListAsync(collection), r =>
            {
                var gid = (string)r["gid"]!;
                Assert.Matches("^[0-9]{16}$", gid);
                Assert.StartsWith(prefix, gid, StringComparison.Ordinal);
            });
        }
    }
}
