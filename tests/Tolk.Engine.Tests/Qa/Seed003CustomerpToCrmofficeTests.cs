using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Tolk.Engine.Tests.Qa;

/// <summary>
/// Seed 003, "Customerp to Crmoffice Dataflow": flows 14 (employee → contact), 15 (product → company of category product),
/// 16 (project → activity of type project), 17 (contact → contact). Crmoffice stamps <c>updatedAt</c> to the second, so
/// "later" edits come more than a second after the other side's.
/// </summary>
[Collection(QaSuite.Name)]
public sealed class Seed003CustomerpToCrmofficeTests(QaFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Flow_14_customerp_employee_and_crmoffice_contact_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 14, Sides.CustomerpEmployee, Sides.CrmofficeContact) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();

        var email = Unique.Email("tone.vik");
        var pair = await check.MatchAsync(
            new JsonObject { ["givenName"] = "Tone", ["familyName"] = "Vik", ["email"] = email.ToUpperInvariant() },
            new JsonObject { ["first_name"] = "Tone", ["last_name"] = "Vik", ["email"] = email, ["phone"] = "+47 911 11 111" });
        Assert.Equal("+47 911 11 111", (string?)(await check.GetAsync(check.Target, pair.TargetId))["phone"]);

        var inserted = await check.InsertAsync(new JsonObject { ["first_name"] = "Per", ["last_name"] = "Dahl", ["email"] = Unique.Email("per"), ["title"] = "Konsulent" });
        var contact = await check.GetAsync(check.Target, inserted.TargetId);
        Assert.Equal(("Per", "Dahl", "Konsulent"), ((string?)contact["givenName"], (string?)contact["familyName"], (string?)contact["title"]));

        Assert.Equal("Daglig leder", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["title"] = "Daglig leder" }))["title"]);
        Assert.False((bool?)(await check.EditTargetAsync(pair, new JsonObject { ["isActive"] = false }))["is_active"]);

        // The shared model has one phone number: a person who fills in only the mobile number in Crmoffice changes it.
        var (employee, both) = await check.EditBothAsync(pair, new JsonObject { ["last_name"] = "Vik Olsen" }, new JsonObject { ["phone"] = null, ["mobilePhone"] = "+47 922 22 222" });
        Assert.Equal(("Vik Olsen", "+47 922 22 222"), ((string?)employee["last_name"], (string?)employee["phone"]));
        Assert.Equal(("Vik Olsen", "+47 922 22 222"), ((string?)both["familyName"], (string?)both["mobilePhone"]));

        var (source, target, _) = await check.ConflictAsync(pair, "first_name",
            new JsonObject { ["first_name"] = "Tone Elise" }, new JsonObject { ["givenName"] = "Tonje" }, sourceLater: false);
        Assert.Equal(("Tonje", "Tonje"), ((string?)source["first_name"], (string?)target["givenName"]));

        // References: a person has none.
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(inserted);
    }

    [Fact]
    public async Task Flow_15_customerp_product_and_crmoffice_product_company_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 15, Sides.CustomerpProduct, Sides.CrmofficeCompanyAsProduct) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();

        // No match by merge criterion: a product's merge key is its SKU, and a Crmoffice company has no SKU field, so
        // every product is inserted and tracked. A product company is a company of category product.
        var pair = await check.InsertAsync(new JsonObject { ["sku"] = "QA-" + Unique.Tag(), ["name"] = "Lisens Pluss", ["description"] = "Årslisens.", ["unit_price"] = 1200.50 });
        var company = await check.GetAsync(check.Target, pair.TargetId);
        Assert.Equal(("product", "Lisens Pluss", "Årslisens.", true),
            ((string?)company["category"], (string?)company["name"], (string?)company["description"], (bool?)company["isActive"]));

        Assert.Equal("Lisens Pluss 2", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["name"] = "Lisens Pluss 2" }))["name"]);
        Assert.Equal("Årslisens, fornyes automatisk.",
            (string?)(await check.EditTargetAsync(pair, new JsonObject { ["description"] = "Årslisens, fornyes automatisk." }))["description"]);

        var (product, both) = await check.EditBothAsync(pair, new JsonObject { ["unit_price"] = 1300.00 }, new JsonObject { ["isActive"] = false });
        Assert.Equal((1300.00m, false), ((decimal?)product["unit_price"], (bool?)product["is_active"]));
        Assert.False((bool?)both["isActive"]);

        var (source, target, _) = await check.ConflictAsync(pair, "name",
            new JsonObject { ["name"] = "Lisens Premium" }, new JsonObject { ["name"] = "Lisens Ekstra" }, sourceLater: true);
        Assert.Equal(("Lisens Premium", "Lisens Premium"), ((string?)source["name"], (string?)target["name"]));

        // References: a product has none.
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(pair);
    }

    [Fact]
    public async Task Flow_16_customerp_project_and_crmoffice_project_activity_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 16, Sides.CustomerpProject, Sides.CrmofficeActivityAsProject,
            Sides.CustomerpCustomer, Sides.CrmofficeCompany, Sides.CustomerpEmployee, Sides.CrmofficeUser) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();

        // References: no flow links Customerp customers to Crmoffice companies or employees to Crmoffice users, so the
        // company and user an activity names are found by their type's merge criterion (organization number, e-mail).
        var orgNumber = Unique.OrgNumber();
        var email = Unique.Email("leder");
        var company = await check.CreateAsync(Sides.CrmofficeCompany, new JsonObject { ["name"] = "Solkraft AS", ["orgNr"] = orgNumber, ["category"] = "customer" });
        var user = await check.CreateAsync(Sides.CrmofficeUser, new JsonObject { ["name"] = "Lise Lunde", ["email"] = email });
        var customer = await check.CreateAsync(Sides.CustomerpCustomer, new JsonObject { ["name"] = "Solkraft AS", ["org_number"] = orgNumber });
        var manager = await check.CreateAsync(Sides.CustomerpEmployee, new JsonObject { ["first_name"] = "Lise", ["last_name"] = "Lunde", ["email"] = email });

        // No match by merge criterion: activities have no number, so every project is inserted and tracked.
        var pair = await check.InsertAsync(new JsonObject
        {
            ["name"] = "Solcellepark", ["project_number"] = "QA-" + Unique.Tag(), ["description"] = "Fase 1.", ["customer_id"] = customer["id"]!.DeepClone(),
            ["manager_id"] = manager["id"]!.DeepClone(), ["start_date"] = "2026-03-02", ["end_date"] = "2026-07-15", ["status"] = "active",
        });
        var activity = await check.GetAsync(check.Target, pair.TargetId);
        Assert.Equal(("project", "Solcellepark", "Fase 1.", false), ((string?)activity["type"], (string?)activity["subject"], (string?)activity["description"], (bool?)activity["completed"]));
        Assert.Equal((company["id"]!.ToString(), user["id"]!.ToString()), ((string?)activity["companyId"], (string?)activity["ownerId"]));
        Assert.StartsWith("2026-03-02T00:00:00+01:00", (string?)activity["startsAt"], StringComparison.Ordinal);
        Assert.StartsWith("2026-07-15T23:59:00+02:00", (string?)activity["endsAt"], StringComparison.Ordinal);

        Assert.StartsWith("2026-08-31T23:59:00+02:00", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["end_date"] = "2026-08-31" }))["endsAt"], StringComparison.Ordinal);
        // A time of day in Crmoffice is a date in the shared model: the Oslo calendar day of the instant.
        Assert.Equal("2026-02-16", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["startsAt"] = "2026-02-15T23:30:00Z" }))["start_date"]);

        // A reference edited in Crmoffice is translated back: the company matched to another customer.
        var otherNumber = Unique.OrgNumber();
        var otherCompany = await check.CreateAsync(Sides.CrmofficeCompany, new JsonObject { ["name"] = "Vindkraft AS", ["orgNr"] = otherNumber, ["category"] = "customer" });
        var otherCustomer = await check.CreateAsync(Sides.CustomerpCustomer, new JsonObject { ["name"] = "Vindkraft AS", ["org_number"] = otherNumber });
        await check.SyncAsync();
        var moved = await check.EditTargetAsync(pair, new JsonObject { ["companyId"] = otherCompany["id"]!.DeepClone() });
        Assert.Equal(otherCustomer["id"]!.ToString(), moved["customer_id"]?.ToString());

        var (project, both) = await check.EditBothAsync(pair, new JsonObject { ["description"] = "Fase 1 og 2." }, new JsonObject { ["completed"] = true });
        Assert.Equal(("Fase 1 og 2.", "completed"), ((string?)project["description"], (string?)project["status"]));
        Assert.Equal(("Fase 1 og 2.", true), ((string?)both["description"], (bool?)both["completed"]));

        var (source, target, _) = await check.ConflictAsync(pair, "name",
            new JsonObject { ["name"] = "Solcellepark Nord" }, new JsonObject { ["subject"] = "Solcellepark Sør" }, sourceLater: false);
        Assert.Equal(("Solcellepark Sør", "Solcellepark Sør"), ((string?)source["name"], (string?)target["subject"]));

        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(pair);
    }

    [Fact]
    public async Task Flow_17_customerp_contact_and_crmoffice_contact_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 17, Sides.CustomerpContact, Sides.CrmofficeContact) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();

        var email = Unique.Email("nils.moe");
        var pair = await check.MatchAsync(
            new JsonObject { ["givenName"] = "Nils", ["familyName"] = "Moe", ["email"] = email, ["mobilePhone"] = "+47 933 33 333" },
            new JsonObject { ["first_name"] = "Nils", ["last_name"] = "Moe", ["email"] = email.ToUpperInvariant(), ["title"] = "Innkjøper" });
        Assert.Equal("+47 933 33 333", (string?)(await check.GetAsync(check.Source, pair.SourceId))["phone"]);

        var inserted = await check.InsertAsync(new JsonObject { ["first_name"] = "Kari", ["last_name"] = "Holm", ["email"] = Unique.Email("kari") });
        Assert.Equal("Holm", (string?)(await check.GetAsync(check.Target, inserted.TargetId))["familyName"]);

        Assert.Equal("Innkjøpssjef", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["title"] = "Innkjøpssjef" }))["title"]);
        Assert.Equal("Moe-Berg", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["familyName"] = "Moe-Berg" }))["last_name"]);

        // The phone came from Crmoffice's mobile number, so it is written back there.
        var (contact, both) = await check.EditBothAsync(pair, new JsonObject { ["phone"] = "+47 944 44 444" }, new JsonObject { ["title"] = "Innkjøpsdirektør" });
        Assert.Equal(("+47 944 44 444", "Innkjøpsdirektør"), ((string?)contact["phone"], (string?)contact["title"]));
        Assert.Equal(("+47 944 44 444", "Innkjøpsdirektør"), ((string?)both["mobilePhone"], (string?)both["title"]));

        var (source, target, _) = await check.ConflictAsync(pair, "title",
            new JsonObject { ["title"] = "Leder" }, new JsonObject { ["title"] = "Sjef" }, sourceLater: true);
        Assert.Equal(("Leder", "Leder"), ((string?)source["title"], (string?)target["title"]));

        // References: a person has none.
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(inserted);
    }
}
