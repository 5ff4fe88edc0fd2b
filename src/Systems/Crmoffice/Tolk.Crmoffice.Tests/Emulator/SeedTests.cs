using System.Text.Json.Nodes;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Sample;

namespace Tolk.Crmoffice.Tests.Emulator;

public sealed class SeedTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>, IAsyncLifetime
{
    private static readonly string[] Collections = ["companies", "contacts", "activities", "users"];
    private readonly SampleWorld _world = SampleWorld.Create(SampleOptions.Small);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task the_same_seed_gives_the_same_records_and_ids_and_another_seed_does_not()
    {
        var first = await SnapshotAsync();
        await fixture.ResetAsync();
        Assert.Equal(first, await SnapshotAsync());
        await fixture.Server.Admin.ResetAsync(new ResetRequest(Seed: 7));
        Assert.NotEqual(first, await SnapshotAsync());
    }

    [Fact]
    public async Task companies_are_the_even_organizations_one_namesake_and_the_products()
    {
        var companies = await fixture.Server.Admin.ListAsync("companies");
        var even = _world.Organizations.Where(o => o.Index % 2 == 0).ToList();
        var products = _world.Products.Take(_world.Scaled(5)).ToList();
        Assert.Equal(even.Count + 1 + products.Count, companies.Count);
        Assert.Equal(Enumerable.Range(1, companies.Count).Select(i => $"CO-{i:D6}"), companies.Select(c => (string?)c["id"]));
        Assert.Equal(even[0].Name, (string?)companies[0]["name"]);
        Assert.Equal(even[0].OrgNumber, (string?)companies[0]["orgNr"]);
        Assert.Equal(even[0].City, (string?)companies[0]["address"]!["city"]);
        var namesake = companies[even.Count];
        Assert.Equal((string?)companies[0]["name"], (string?)namesake["name"]);
        Assert.NotEqual((string?)companies[0]["orgNr"], (string?)namesake["orgNr"]);
        Assert.Equal(products.Select(p => p.Name), companies.Skip(even.Count + 1).Select(c => (string?)c["name"]));
        Assert.All(companies.Skip(even.Count + 1), c => Assert.Equal("product", (string?)c["category"]));
        Assert.All(companies.Take(even.Count + 1), c => Assert.Equal("customer", (string?)c["category"]));
    }

    [Fact]
    public async Task contacts_are_every_third_customer_contact_and_every_fourth_employee()
    {
        var contacts = await fixture.Server.Admin.ListAsync("contacts");
        var expected = _world.Contacts.Where(p => p.Index % 3 == 0).Concat(_world.Employees.Where(p => p.Index % 4 == 0)).ToList();
        Assert.Equal(expected.Select(p => p.Email), contacts.Select(c => (string?)c["email"]));
        var companies = (await fixture.Server.Admin.ListAsync("companies")).ToDictionary(c => (string)c["id"]!);
        foreach (var (person, contact) in expected.Zip(contacts))
        {
            Assert.Equal(person.FirstName, (string?)contact["givenName"]);
            Assert.Equal(person.LastName, (string?)contact["familyName"]);
            Assert.Equal(person.Phone, (string?)contact["mobilePhone"] ?? (string?)contact["phone"]);
            if ((string?)contact["companyId"] is { } companyId)
            {
                Assert.EndsWith(_world.Organizations[person.OrganizationIndex!.Value].Domain, person.Email, StringComparison.Ordinal);
                Assert.Equal(_world.Organizations[person.OrganizationIndex.Value].Name, (string?)companies[companyId]["name"]);
            }
        }
        Assert.Contains(contacts, c => c["companyId"] is not null);
    }

    [Fact]
    public async Task users_are_the_first_employees_and_activities_reference_them()
    {
        var users = await fixture.Server.Admin.ListAsync("users");
        Assert.Equal(_world.Employees.Take(_world.Scaled(10)).Select(e => e.Email), users.Select(u => (string?)u["email"]));
        var activities = await fixture.Server.Admin.ListAsync("activities");
        Assert.Equal(_world.Scaled(30) + _world.Scaled(5), activities.Count);
        var projects = activities.Where(a => (string?)a["type"] == "project").ToList();
        Assert.Equal(_world.Projects.Take(_world.Scaled(5)).Select(p => p.Name), projects.Select(a => (string?)a["subject"]));
        Assert.All(activities.Where(a => a["ownerId"] is not null), a => Assert.Contains(users, u => (string?)u["id"] == (string?)a["ownerId"]));
        Assert.All(activities, a => Assert.Contains((string?)a["type"], new[] { "meeting", "call", "task", "note", "project" }));
    }

    [Fact]
    public async Task sample_timestamps_are_in_the_past_with_the_oslo_offset()
    {
        foreach (var collection in Collections)
        {
            foreach (var record in await fixture.Server.Admin.ListAsync(collection))
            {
                foreach (var key in new[] { "createdAt", "updatedAt" })
                {
                    var text = (string)record[key]!;
                    Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$", text);
                    var at = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(at < fixture.Time.GetUtcNow(), text);
                    Assert.Equal(CrmofficeFixture.Oslo(at), text);
                }
            }
        }
    }

    [Fact]
    public async Task every_sample_record_passes_the_apis_own_validation()
    {
        foreach (var collection in new[] { "companies", "contacts", "activities" })
        {
            foreach (var record in await fixture.Server.Admin.ListAsync(collection))
            {
                var fields = (JsonObject)record.DeepClone();
                foreach (var key in new[] { "id", "createdAt", "updatedAt" })
                {
                    fields.Remove(key);
                }
                if (collection == "companies")
                {
                    fields.Remove("orgNr");
                }
                var response = await fixture.Api.PostAsync(collection, fields);
                Assert.True(response.Status == 201, response.Raw);
            }
        }
    }

    private async Task<string> SnapshotAsync()
    {
        var parts = new List<string>();
        foreach (var collection in Collections)
        {
            parts.Add(new JsonArray([.. (await fixture.Server.Admin.ListAsync(collection)).Select(r => (JsonNode)r)]).ToJsonString());
        }
        return string.Join("\n", parts);
    }
}
