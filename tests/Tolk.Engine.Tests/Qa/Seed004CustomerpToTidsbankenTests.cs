using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Tolk.Engine.Tests.Qa;

/// <summary>Seed 004, "Customerp to Tidsbanken Dataflow": flows 18 (customer → Kunde), 19 (employee → Ansatt), 20 (project → Prosjekt).</summary>
[Collection(QaSuite.Name)]
public sealed class Seed004CustomerpToTidsbankenTests(QaFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Flow_18_customerp_customer_and_tidsbanken_kunde_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 18, Sides.CustomerpCustomer, Sides.TidsbankenKunde) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();

        // A Kunde with the same organization number exists first: linked, not duplicated; what it lacked is filled in.
        var orgNumber = Unique.OrgNumber();
        var pair = await check.MatchAsync(
            new JsonObject { ["Id"] = "QA" + Unique.Tag(), ["Navn"] = "Fjordlys AS", ["Organisasjonsnummer"] = orgNumber },
            new JsonObject { ["name"] = "Fjordlys AS", ["org_number"] = orgNumber, ["city"] = "Bergen", ["email"] = Unique.Email("post") });
        Assert.Equal("Bergen", (string?)(await check.GetAsync(check.Target, pair.TargetId))["Poststed"]);

        var inserted = await check.InsertAsync(new JsonObject { ["name"] = "Havbris AS", ["org_number"] = Unique.OrgNumber(), ["postal_code"] = "5003" });
        var kunde = await check.GetAsync(check.Target, inserted.TargetId);
        Assert.Equal(("Havbris AS", "5003"), ((string?)kunde["Navn"], (string?)kunde["Postnr"]));

        Assert.Equal("Tromsø", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["city"] = "Tromsø" }))["Poststed"]);
        Assert.Equal("+47 111 22 333", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["Telefon"] = "+47 111 22 333" }))["phone"]);

        var email = Unique.Email("faktura");
        var (customer, both) = await check.EditBothAsync(pair, new JsonObject { ["email"] = email }, new JsonObject { ["Url"] = "https://fjordlys.example" });
        Assert.Equal((email, "https://fjordlys.example"), ((string?)customer["email"], (string?)customer["website"]));
        Assert.Equal((email, "https://fjordlys.example"), ((string?)both["Epost"], (string?)both["Url"]));

        var (source, target, conflict) = await check.ConflictAsync(pair, "name",
            new JsonObject { ["name"] = "Fjordlys Holding AS" }, new JsonObject { ["Navn"] = "Fjordlys Gruppen AS" }, sourceLater: false);
        Assert.Equal(("Fjordlys Gruppen AS", "Fjordlys Gruppen AS"), ((string?)source["name"], (string?)target["Navn"]));
        Assert.Contains("Fjordlys Holding AS", conflict.Loser.Value, StringComparison.Ordinal);

        // References: an organization has none. Chains through this flow (an Asana team renamed reaching Customerp,
        // Trello and Tidsbanken) are in flow 1's test.
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(inserted);
    }

    [Fact]
    public async Task Flow_19_customerp_employee_and_tidsbanken_ansatt_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 19, Sides.CustomerpEmployee, Sides.TidsbankenAnsatt) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();

        // An Ansatt with the same e-mail address (in other letter case) exists first.
        var email = Unique.Email("ingrid.berg");
        var pair = await check.MatchAsync(
            new JsonObject { ["Id"] = Unique.Number(), ["Fornavn"] = "Ingrid", ["Etternavn"] = "Berg", ["Epost"] = email.ToUpperInvariant() },
            new JsonObject { ["first_name"] = "Ingrid", ["last_name"] = "Berg", ["email"] = email, ["title"] = "Prosjektleder" });
        Assert.Equal("Prosjektleder", (string?)(await check.GetAsync(check.Target, pair.TargetId))["Tittel"]);

        // A numeric employee number becomes the new Ansatt's id.
        var number = Unique.Number();
        var inserted = await check.InsertAsync(new JsonObject
        {
            ["employee_number"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture), ["first_name"] = "Ola", ["last_name"] = "Nordmann",
            ["email"] = Unique.Email("ola"), ["phone"] = "+47 900 00 001",
        });
        Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), inserted.TargetId);
        Assert.Equal("+47 900 00 001", (string?)(await check.GetAsync(check.Target, inserted.TargetId))["Mobil"]);

        Assert.Equal("Seniorrådgiver", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["title"] = "Seniorrådgiver" }))["Tittel"]);
        Assert.Equal("+47 400 00 002", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["Mobil"] = "+47 400 00 002" }))["phone"]);
        Assert.False((bool?)(await check.EditTargetAsync(pair, new JsonObject { ["Aktiv"] = false }))["is_active"]);

        var (employee, ansatt) = await check.EditBothAsync(pair, new JsonObject { ["first_name"] = "Ingrid Marie" }, new JsonObject { ["Tittel"] = "Avdelingsleder" });
        Assert.Equal(("Ingrid Marie", "Avdelingsleder"), ((string?)employee["first_name"], (string?)employee["title"]));
        Assert.Equal(("Ingrid Marie", "Avdelingsleder"), ((string?)ansatt["Fornavn"], (string?)ansatt["Tittel"]));

        var (source, target, _) = await check.ConflictAsync(pair, "last_name",
            new JsonObject { ["last_name"] = "Berg-Hansen" }, new JsonObject { ["Etternavn"] = "Hansen" }, sourceLater: true);
        Assert.Equal(("Berg-Hansen", "Berg-Hansen"), ((string?)source["last_name"], (string?)target["Etternavn"]));

        // References: a person has none. Tidsbanken cannot delete an Ansatt; the Customerp employee is deleted.
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(inserted);
    }

    [Fact]
    public async Task Flow_20_customerp_project_and_tidsbanken_prosjekt_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 20, Sides.CustomerpProject, Sides.TidsbankenProsjekt,
            Sides.CustomerpCustomer, Sides.TidsbankenKunde, Sides.CustomerpEmployee, Sides.TidsbankenAnsatt) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();

        // The project's customer and manager are new too: one sync links them first, then the project with its references.
        var customer = await check.CreateAsync(Sides.CustomerpCustomer, new JsonObject { ["name"] = "Kystnett AS", ["org_number"] = Unique.OrgNumber() });
        var manager = await check.CreateAsync(Sides.CustomerpEmployee, new JsonObject { ["first_name"] = "Siri", ["last_name"] = "Lund", ["email"] = Unique.Email("siri") });
        var inserted = await check.InsertAsync(new JsonObject
        {
            ["name"] = "Fiberutbygging", ["project_number"] = "QA-" + Unique.Tag(), ["customer_id"] = customer["id"]!.DeepClone(),
            ["manager_id"] = manager["id"]!.DeepClone(), ["start_date"] = "2026-01-05", ["end_date"] = "2026-06-30", ["status"] = "active",
        });
        var kunde = await check.LinkedAsync(Sides.CustomerpCustomer, Sides.CustomerpCustomer.IdOf(customer), Sides.TidsbankenKunde);
        var ansatt = await check.LinkedAsync(Sides.CustomerpEmployee, Sides.CustomerpEmployee.IdOf(manager), Sides.TidsbankenAnsatt);
        var prosjekt = await check.GetAsync(check.Target, inserted.TargetId);
        Assert.Equal((kunde, ansatt, "2026-01-05", "2026-06-30", false),
            ((string?)prosjekt["KundeId"], prosjekt["AnsvarligId"]?.ToString(), (string?)prosjekt["StartDato"], (string?)prosjekt["FerdigDato"], (bool?)prosjekt["Avsluttet"]));

        // A Prosjekt whose id is the project number exists first.
        var number = "QA-" + Unique.Tag();
        var pair = await check.MatchAsync(
            new JsonObject { ["Id"] = number, ["Navn"] = "Vedlikehold kai", ["KundeId"] = kunde },
            new JsonObject { ["name"] = "Vedlikehold kai", ["project_number"] = number, ["description"] = "Årlig vedlikehold." });
        Assert.Equal("Årlig vedlikehold.", (string?)(await check.GetAsync(check.Target, pair.TargetId))["Notat"]);
        Assert.Equal(customer["id"]!.ToString(), (await check.GetAsync(check.Source, pair.SourceId))["customer_id"]?.ToString());

        Assert.Equal("2026-09-30", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["end_date"] = "2026-09-30" }))["FerdigDato"]);
        Assert.Equal("completed", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["Avsluttet"] = true }))["status"]);

        // A reference edited in Tidsbanken is translated back: the Prosjekt's new Ansvarlig is the employee's Ansatt.
        var project = await check.EditTargetAsync(pair, new JsonObject { ["AnsvarligId"] = int.Parse(ansatt!, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(manager["id"]!.ToString(), project["manager_id"]?.ToString());

        var (source, target) = await check.EditBothAsync(pair, new JsonObject { ["name"] = "Vedlikehold kai 2026" }, new JsonObject { ["Notat"] = "Utvidet omfang." });
        Assert.Equal(("Vedlikehold kai 2026", "Utvidet omfang."), ((string?)source["name"], (string?)source["description"]));
        Assert.Equal(("Vedlikehold kai 2026", "Utvidet omfang."), ((string?)target["Navn"], (string?)target["Notat"]));

        (source, target, _) = await check.ConflictAsync(pair, "start_date",
            new JsonObject { ["start_date"] = "2026-02-01" }, new JsonObject { ["StartDato"] = "2026-03-01" }, sourceLater: true);
        Assert.Equal(("2026-02-01", "2026-02-01"), ((string?)source["start_date"], (string?)target["StartDato"]));

        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(inserted);
    }
}
