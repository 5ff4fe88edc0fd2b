using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tolk.Customerp.Emulator;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class SeedTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    private static readonly SampleWorld World = SampleWorld.Create(SampleOptions.Small);

    [Fact]
    public async Task every_organization_is_a_customer_with_its_fields()
    {
        var customers = await Fixture.Server.Admin.ListAsync("customers");
        Assert.Equal(World.Organizations.Count, customers.Count);
        foreach (var (org, customer) in World.Organizations.Zip(customers))
        {
            Assert.Equal(org.Index + 1, (int)customer["id"]!);
            Assert.Equal(org.Name, (string)customer["name"]!);
            Assert.Equal(org.OrgNumber, (string?)customer["org_number"]);
            Assert.Equal(org.Email, (string)customer["email"]!);
            Assert.Equal(org.Phone, (string)customer["phone"]!);
            Assert.Equal(org.Website, (string)customer["website"]!);
            Assert.Equal(org.AddressLine, (string)customer["address_line"]!);
            Assert.Equal(org.PostalCode, (string)customer["postal_code"]!);
            Assert.Equal(org.City, (string)customer["city"]!);
            Assert.Equal("NO", (string)customer["country"]!);
            Assert.True((bool)customer["is_active"]!);
            Assert.Equal(org.Description, (string)customer["notes"]!);
        }
    }

    [Fact]
    public async Task every_contact_belongs_to_the_customer_of_its_organization()
    {
        var contacts = await Fixture.Server.Admin.ListAsync("contacts");
        var people = World.Contacts.ToList();
        Assert.Equal(people.Count, contacts.Count);
        foreach (var (person, contact) in people.Zip(contacts))
        {
            Assert.Equal(person.OrganizationIndex + 1, (int)contact["customer_id"]!);
            Assert.Equal(person.Email, (string)contact["email"]!);
            Assert.Equal((person.FirstName, person.LastName, person.Phone, person.Title),
                ((string)contact["first_name"]!, (string)contact["last_name"]!, (string)contact["phone"]!, (string)contact["title"]!));
        }
        Assert.Equal(Enumerable.Range(1, contacts.Count), contacts.Select(c => (int)c["id"]!));
    }

    [Fact]
    public async Task every_employee_is_an_employee_with_a_department_and_hire_date()
    {
        var employees = await Fixture.Server.Admin.ListAsync("employees");
        Assert.Equal(World.EmployeeCount, employees.Count);
        foreach (var (person, employee) in World.Employees.Zip(employees))
        {
            Assert.Equal(person.EmployeeNumber, (string)employee["employee_number"]!);
            Assert.Equal(person.Email, (string)employee["email"]!);
            Assert.False(string.IsNullOrEmpty((string?)employee["department"]));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)employee["hire_date"]!);
        }
    }

    [Fact]
    public async Task the_projects_are_the_worlds_projects_with_odd_index()
    {
        var projects = await Fixture.Server.Admin.ListAsync("projects");
        var odd = World.Projects.Where(p => p.Index % 2 == 1).ToList();
        Assert.Equal(odd.Count, projects.Count);
        foreach (var (source, project) in odd.Zip(projects))
        {
            Assert.Equal(source.Number, (string)project["project_number"]!);
            Assert.Equal(source.Name, (string)project["name"]!);
            Assert.Equal(source.CustomerIndex + 1, (int)project["customer_id"]!);
            Assert.Equal(source.ManagerIndex + 1, (int)project["manager_id"]!);
            Assert.Equal(source.StartDate.ToString("yyyy-MM-dd"), (string)project["start_date"]!);
            Assert.Equal(source.Status, (string)project["status"]!);
            Assert.True((decimal)project["budget"]! > 0);
        }
    }

    [Fact]
    public async Task every_product_is_a_product_with_25_percent_vat()
    {
        var products = await Fixture.Server.Admin.ListAsync("products");
        Assert.Equal(World.Products.Count, products.Count);
        foreach (var (source, product) in World.Products.Zip(products))
        {
            Assert.Equal((source.Sku, source.Name, source.Currency, source.Active),
                ((string)product["sku"]!, (string)product["name"]!, (string)product["currency"]!, (bool)product["is_active"]!));
            Assert.Equal(source.UnitPrice, (decimal)product["unit_price"]!);
            Assert.Equal(25.00m, (decimal)product["vat_rate"]!);
        }
    }

    [Fact]
    public async Task seeded_records_are_older_than_the_clock_and_not_deleted()
    {
        foreach (var collection in Records.Collections)
        {
            foreach (var record in await Fixture.Server.Admin.ListAsync(collection))
            {
                var created = DateTimeOffset.Parse((string)record["created_at"]!, System.Globalization.CultureInfo.InvariantCulture);
                var updated = DateTimeOffset.Parse((string)record["updated_at"]!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(created <= updated && updated < Fixture.Time.GetUtcNow());
                Assert.Null(record["deleted_at"]);
                Assert.InRange((int)record["version"]!, 1, 4);
            }
        }
    }

    [Fact]
    public async Task the_same_seed_makes_the_same_data_and_another_seed_other_data()
    {
        var first = await SnapshotAsync(SampleOptions.Small);
        var second = await SnapshotAsync(SampleOptions.Small);
        var other = await SnapshotAsync(SampleOptions.Small with { Seed = 7 });
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task a_reset_restores_the_seeded_data()
    {
        var before = await Fixture.Server.Admin.ListAsync("customers");
        await Api.CallPatchAsync("customers/1", new JsonObject { ["name"] = "Endret AS" });
        await Records.CreateAsync(Api, "customers");
        await Fixture.Server.Admin.ResetAsync();
        var after = await Fixture.Server.Admin.ListAsync("customers");
        Assert.Equal(before.Select(c => c.ToJsonString()), after.Select(c => c.ToJsonString()));
        Assert.Equal(before.Count + 1, (int)(await Records.CreateAsync(Api, "customers"))["id"]!);
    }

    private static async Task<string> SnapshotAsync(SampleOptions sample)
    {
        await using var server = await EmulatorServer.StartAsync(ctx => new CustomerpEmulator(ctx),
            new EmulatorServerOptions { Time = new FakeTimeProvider(CustomerpFixture.Start), Sample = sample });
        var all = new JsonObject();
        foreach (var collection in Records.Collections)
        {
            all[collection] = new JsonArray((await server.Admin.ListAsync(collection)).Select(r => (JsonNode?)r).ToArray());
        }
        return all.ToJsonString();
    }
}
