using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Tolk.Custompms.Emulator;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Custompms.Tests.Emulator;

public sealed partial class SeedTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Uuid();

    private SampleWorld World => Fixture.World;

    private Task<IReadOnlyList<JsonObject>> ListAsync(string collection) => Fixture.Server.Admin.ListAsync(collection);

    [Fact]
    public async Task customers_are_every_third_organization_and_the_first_near_miss()
    {
        var customers = await ListAsync("customers");

        var expected = World.Organizations.Where(o => o.Index % 3 == 0).Append(World.NearMissOrganizations[0]).ToList();
        Assert.Equal(expected.Select(o => o.Name), customers.Select(c => (string?)c["name"]));
        Assert.Equal(expected.Select(o => o.OrgNumber), customers.Select(c => (string?)c["orgNumber"]));
        Assert.Equal(expected.Select(o => o.Email), customers.Select(c => (string?)c["email"]));
        Assert.Equal(expected.Select(o => o.Phone), customers.Select(c => (string?)c["phone"]));
    }

    [Fact]
    public async Task the_near_miss_looks_like_a_customer_by_name_but_differs_by_org_number_and_email()
    {
        var customers = await ListAsync("customers");
        var nearMiss = customers[^1];

        var namesake = customers.Single(c => c != nearMiss && (string?)c["name"] == (string?)nearMiss["name"]);
        Assert.NotEqual((string?)namesake["orgNumber"], (string?)nearMiss["orgNumber"]);
        Assert.NotEqual((string?)namesake["email"], (string?)nearMiss["email"]);
        Assert.NotNull((string?)nearMiss["orgNumber"]);
    }

    [Fact]
    public async Task projects_and_tasks_have_the_scaled_counts_keys_and_valid_references()
    {
        var customers = (await ListAsync("customers")).Select(c => (string)c["id"]!).ToHashSet();
        var projects = await ListAsync("projects");
        var tasks = await ListAsync("tasks");
        var employees = World.Employees.Select(e => e.Email).ToHashSet();

        Assert.Equal(World.Scaled(10), projects.Count);
        Assert.Equal(World.Scaled(60), tasks.Count);
        Assert.Equal(Enumerable.Range(1, projects.Count).Select(n => $"PRJ-{n}"), projects.Select(p => (string?)p["key"]));
        Assert.All(projects, p => Assert.Contains((string)p["customerId"]!, customers));
        Assert.All(projects, p => Assert.Contains((string)p["status"]!, (string[])["open", "inProgress", "done", "archived"]));
        Assert.All(projects, p => Assert.True(string.CompareOrdinal((string)p["startDate"]!, (string)p["dueDate"]!) < 0));
        Assert.All(tasks, t => Assert.Contains((string)t["projectId"]!, projects.Select(p => (string)p["id"]!)));
        Assert.All(tasks, t => Assert.True(t["assigneeEmail"] is null || employees.Contains((string)t["assigneeEmail"]!)));
        Assert.All(tasks, t => Assert.Contains((string)t["priority"]!, (string[])["low", "normal", "high"]));
        Assert.All(tasks, t => Assert.False(string.IsNullOrWhiteSpace((string?)t["title"])));
    }

    [Fact]
    public async Task every_seeded_record_has_the_api_shape_a_uuid_and_a_history_older_than_the_change_log()
    {
        var cutoff = Fixture.Time.GetUtcNow().AddDays(-7);
        foreach (var collection in (string[])["customers", "projects", "tasks"])
        {
            var listed = (await Api.CallGetAsync($"{collection}?perPage=200")).Items.Select(n => (JsonObject)n!).ToList();
            foreach (var record in listed)
            {
                Assert.Matches(Uuid(), (string)record["id"]!);
                Assert.Equal("id", record.First().Key);
                Assert.Equal(["createdAt", "modifiedAt"], record.Select(p => p.Key).TakeLast(2));
                Assert.True(DateTimeOffset.Parse((string)record["modifiedAt"]!, System.Globalization.CultureInfo.InvariantCulture) < cutoff);
                Assert.True(string.CompareOrdinal((string)record["createdAt"]!, (string)record["modifiedAt"]!) <= 0);
            }
        }
    }

    [Fact]
    public async Task the_same_seed_gives_the_same_data_and_ids()
    {
        await using var twin = await EmulatorServer.StartAsync(ctx => new CustompmsEmulator(ctx),
            new EmulatorServerOptions { Time = new FakeTimeProvider(Fixture.Time.GetUtcNow()), Sample = SampleOptions.Small });

        foreach (var collection in (string[])["customers", "projects", "tasks"])
        {
            var mine = await ListAsync(collection);
            var theirs = await twin.Admin.ListAsync(collection);
            Assert.Equal(mine.Count, theirs.Count);
            Assert.All(mine.Zip(theirs), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), $"{pair.First} != {pair.Second}"));
        }
    }

    [Fact]
    public async Task another_seed_gives_other_ids_and_a_reset_to_the_first_seed_brings_them_back()
    {
        var before = (await ListAsync("projects")).Select(p => (string)p["id"]!).ToList();

        await Fixture.Server.Admin.ResetAsync(new ResetRequest(Seed: 7));
        var other = (await ListAsync("projects")).Select(p => (string)p["id"]!).ToList();
        await Fixture.Server.Admin.ResetAsync(new ResetRequest(Seed: 42));

        Assert.Empty(before.Intersect(other));
        Assert.Equal(before, (await ListAsync("projects")).Select(p => (string)p["id"]!));
    }

    [Fact]
    public async Task ids_of_api_creates_are_deterministic_too()
    {
        var first = await Api.CreateAsync("customers", Sample.Customer());
        await Fixture.ResetAsync();

        var again = await Api.CreateAsync("customers", Sample.Customer());

        Assert.Equal((string?)first["id"], (string?)again["id"]);
    }

    [Fact]
    public async Task the_demo_size_is_ten_times_the_small_one()
    {
        await Fixture.Server.Admin.ResetAsync(new ResetRequest(Size: "demo"));

        Assert.Equal(10, (await ListAsync("projects")).Count);
        Assert.Equal(60, (await ListAsync("tasks")).Count);
        Assert.Equal(21, (await ListAsync("customers")).Count);
    }

    [Fact]
    public async Task the_large_size_seeds_and_pages_quickly()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Fixture.Server.Admin.ResetAsync(new ResetRequest(Size: "large"));
        await Fixture.Server.Admin.SetSettingsAsync(new JsonObject { ["rateLimitPerSecond"] = 1000 });

        var last = await Api.CallGetAsync("tasks?perPage=200&page=18");

        var scale = SampleOptions.ParseSize("large").Scale!.Value;
        Assert.Equal($"{(int)Math.Round(60 * scale)}", last.Header("X-Total-Count"));
        Assert.Equal(200, last.Items.Count);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }
}
