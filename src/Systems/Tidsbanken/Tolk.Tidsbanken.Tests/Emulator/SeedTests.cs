using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Tolk.Emulation.Admin;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Sample;
using Tolk.Tidsbanken.Emulator;

namespace Tolk.Tidsbanken.Tests.Emulator;

public sealed class SeedTests(TidsbankenFixture fixture) : IClassFixture<TidsbankenFixture>
{
    private static readonly SampleWorld World = SampleWorld.Create(SampleOptions.Small);

    private static async Task<string> SnapshotAsync(SampleOptions sample)
    {
        await using var server = await EmulatorServer.StartAsync(ctx => new TidsbankenEmulator(ctx),
            new EmulatorServerOptions { Time = new FakeTimeProvider(TidsbankenFixture.Start), Sample = sample });
        var parts = new List<string>();
        foreach (var collection in new[] { "Kunde", "Ansatt", "Prosjekt" })
        {
            parts.AddRange((await server.Admin.ListAsync(collection)).Select(r => r.ToJsonString()));
        }
        return string.Join('\n', parts);
    }

    [Fact]
    public async Task the_same_seed_and_clock_give_the_same_records_and_another_seed_does_not()
    {
        var first = await SnapshotAsync(SampleOptions.Small);
        Assert.Equal(first, await SnapshotAsync(SampleOptions.Small));
        Assert.NotEqual(first, await SnapshotAsync(SampleOptions.Small with { Seed = 7 }));
    }

    [Fact]
    public async Task kunder_are_every_third_organization_with_ids_from_their_index()
    {
        await fixture.ResetAsync();
        var kunder = await fixture.Server.Admin.ListAsync("Kunde");
        var expected = World.Organizations.Where(o => o.Index % 3 == 1).ToList();
        Assert.Equal(expected.Count + 1, kunder.Count);
        foreach (var (org, kunde) in expected.Zip(kunder))
        {
            Assert.Equal("K" + (1000 + org.Index), (string?)kunde["Id"]);
            Assert.Equal(org.Name, (string?)kunde["Navn"]);
            Assert.Equal(org.OrgNumber, (string?)kunde["Organisasjonsnummer"]);
            Assert.Equal(org.Email, (string?)kunde["Epost"]);
            Assert.Equal(org.Phone, (string?)kunde["Telefon"]);
            Assert.Equal(org.Website, (string?)kunde["Url"]);
            Assert.Equal(org.AddressLine, (string?)kunde["Postadresse"]);
            Assert.Equal(org.PostalCode, (string?)kunde["Postnr"]);
            Assert.Equal(org.City, (string?)kunde["Poststed"]);
        }
    }

    [Fact]
    public async Task the_near_miss_kunde_shares_a_name_but_not_the_org_number_or_email()
    {
        await fixture.ResetAsync();
        var nearMiss = World.NearMissOrganizations[0];
        var twin = World.Organizations.Single(o => o.Name == nearMiss.Name);
        var kunde = (await fixture.Server.Admin.GetAsync("Kunde", "K" + (1000 + nearMiss.Index)))!;
        Assert.Equal(twin.Name, (string?)kunde["Navn"]);
        Assert.NotEqual(twin.OrgNumber, (string?)kunde["Organisasjonsnummer"]);
        Assert.NotEqual(twin.Email, (string?)kunde["Epost"]);
    }

    [Fact]
    public async Task ansatte_are_the_first_employees_by_employee_number_plus_a_near_miss_with_a_free_number()
    {
        await fixture.ResetAsync();
        var ansatte = await fixture.Server.Admin.ListAsync("Ansatt");
        var employees = World.Employees.Take(World.Scaled(30)).ToList();
        Assert.Equal(employees.Count + 1, ansatte.Count);
        foreach (var (person, ansatt) in employees.Zip(ansatte))
        {
            Assert.Equal(int.Parse(person.EmployeeNumber, CultureInfo.InvariantCulture), (int)ansatt["Id"]!);
            Assert.Equal(person.FirstName, (string?)ansatt["Fornavn"]);
            Assert.Equal(person.LastName, (string?)ansatt["Etternavn"]);
            Assert.Equal(person.Email, (string?)ansatt["Epost"]);
            Assert.Equal(person.Phone, (string?)ansatt["Mobil"]);
            Assert.Equal(person.Title, (string?)ansatt["Tittel"]);
            Assert.True((bool)ansatt["Aktiv"]!);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)ansatt["AnsattDato"]!);
        }
        var nearMiss = ansatte[^1];
        Assert.Equal(100 + World.EmployeeCount, (int)nearMiss["Id"]!);
        Assert.DoesNotContain(World.Employees, e => e.EmployeeNumber == ((int)nearMiss["Id"]!).ToString(CultureInfo.InvariantCulture));
        var twin = World.Employees.First(e => e.FullName == World.NearMissPeople[0].FullName);
        Assert.Equal(twin.FirstName, (string?)nearMiss["Fornavn"]);
        Assert.NotEqual(twin.Email, (string?)nearMiss["Epost"]);
    }

    [Fact]
    public async Task prosjekter_are_every_fourth_project_with_references_only_to_records_that_exist_here()
    {
        await fixture.Server.Admin.ResetAsync(new ResetRequest(Seed: 42, Size: "demo"));
        var world = SampleWorld.Create(SampleOptions.Demo);
        var prosjekter = await fixture.Server.Admin.ListAsync("Prosjekt");
        var kunder = (await fixture.Server.Admin.ListAsync("Kunde")).Select(k => (string)k["Id"]!).ToHashSet();
        var ansatte = (await fixture.Server.Admin.ListAsync("Ansatt")).Select(a => (int)a["Id"]!).ToHashSet();
        var expected = world.Projects.Where(p => p.Index % 4 == 1).ToList();
        Assert.Equal(expected.Select(p => p.Number), prosjekter.Select(p => (string)p["Id"]!));
        Assert.Equal(Enumerable.Range(1, expected.Count), prosjekter.Select(p => (int)p["PostId"]!));
        Assert.Contains(prosjekter, p => p["KundeId"] is not null);
        Assert.Contains(prosjekter, p => p["AnsvarligId"] is not null);
        foreach (var (project, prosjekt) in expected.Zip(prosjekter))
        {
            Assert.Equal(project.Name, (string?)prosjekt["Navn"]);
            Assert.Equal(project.Description, (string?)prosjekt["Notat"]);
            Assert.Equal(project.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)prosjekt["StartDato"]);
            Assert.Equal(project.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)prosjekt["FerdigDato"]);
            Assert.Equal(project.Status is "completed" or "cancelled", (bool)prosjekt["Avsluttet"]!);
            Assert.Equal(project.CustomerIndex % 3 == 1 ? "K" + (1000 + project.CustomerIndex) : null, (string?)prosjekt["KundeId"]);
            if (prosjekt["KundeId"] is { } kundeId)
            {
                Assert.Contains((string)kundeId!, kunder);
            }
            if (prosjekt["AnsvarligId"] is { } ansvarlig)
            {
                Assert.Contains((int)ansvarlig!, ansatte);
            }
        }
        await fixture.ResetAsync();
    }

    [Fact]
    public async Task seeded_times_lie_in_the_past_and_changes_come_after_creation()
    {
        await fixture.ResetAsync();
        var now = fixture.Time.GetUtcNow();
        foreach (var collection in new[] { "Kunde", "Ansatt", "Prosjekt" })
        {
            foreach (var record in await fixture.Server.Admin.ListAsync(collection))
            {
                var created = DateTimeOffset.Parse((string)record["OpprettetDato"]!, CultureInfo.InvariantCulture);
                var modified = DateTimeOffset.Parse((string)record["SistEndretDato"]!, CultureInfo.InvariantCulture);
                Assert.True(created < modified && modified <= now.AddDays(-1), $"{collection} {record["Id"]}: {created:O} / {modified:O}");
            }
        }
    }

    [Fact]
    public async Task the_large_size_seeds_quickly_and_lists_all_its_records_in_one_call()
    {
        var watch = Stopwatch.StartNew();
        await fixture.Server.Admin.ResetAsync(new ResetRequest(Seed: 42, Size: "large"));
        var world = SampleWorld.Create(SampleOptions.Demo with { Scale = SampleOptions.ParseSize("large").Scale!.Value });
        await fixture.Server.Admin.SetSettingsAsync(new System.Text.Json.Nodes.JsonObject { ["rateLimit"] = 1_000_000 });
        var result = await fixture.GetAsync("ansatt/ansatt?$filter=Aktiv eq true&$count=true&$top=10");
        Assert.Equal(world.Scaled(30) + 1, (int)result.Body!["@odata.count"]!);
        Assert.Equal(world.Organizations.Count(o => o.Index % 3 == 1) + 1, (await fixture.ListAsync("prosjekt/Kunde?$select=Id")).Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"large seed and queries took {watch.Elapsed}");
        await fixture.ResetAsync();
    }
}
