using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Tolk.Engine.Tests.Qa;

/// <summary>
/// Seed 000, "Asana to Customerp Dataflow": flows 1 (team → customer), 2 (workspace → customer), 3 (project → project),
/// 4 (user → employee). Asana gives teams, workspaces and users no modification time, so an edit there is as late as
/// when Tolk sees it: in the later-wins steps the Asana edit is the later one.
/// </summary>
[Collection(QaSuite.Name)]
public sealed class Seed000AsanaToCustomerpTests(QaFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Flow_1_asana_team_and_customerp_customer_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 1, Sides.AsanaTeam, Sides.CustomerpCustomer) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();
        var organization = await AsanaSample.OrganizationAsync(check);

        // Teams have only a name: the merge criterion falls back to the name, trimmed and case-folded.
        var name = "Nordvik Marine " + Unique.Tag();
        var pair = await check.MatchAsync(
            new JsonObject { ["name"] = name.ToUpperInvariant() + " " },
            new JsonObject { ["name"] = name, ["organization"] = organization, ["description"] = "Kunde siden 2020." });
        Assert.Equal("Kunde siden 2020.", (string?)(await check.GetAsync(check.Target, pair.TargetId))["notes"]);

        var inserted = await check.InsertAsync(new JsonObject { ["name"] = "Havørn " + Unique.Tag(), ["organization"] = organization, ["description"] = "Ny kunde." });
        Assert.Equal("Ny kunde.", (string?)(await check.GetAsync(check.Target, inserted.TargetId))["notes"]);

        Assert.Equal("Kunde siden 2019.", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["description"] = "Kunde siden 2019." }))["notes"]);
        Assert.Equal(name + " AS", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["name"] = name + " AS" }))["name"]);

        var (team, customer) = await check.EditBothAsync(pair, new JsonObject { ["description"] = "Storkunde." }, new JsonObject { ["name"] = name + " ASA" });
        Assert.Equal((name + " ASA", "Storkunde."), ((string?)team["name"], (string?)team["description"]));
        Assert.Equal((name + " ASA", "Storkunde."), ((string?)customer["name"], (string?)customer["notes"]));

        var (source, target, _) = await check.ConflictAsync(pair, "name",
            new JsonObject { ["name"] = name + " Holding" }, new JsonObject { ["name"] = name + " Gruppen" }, sourceLater: true);
        Assert.Equal((name + " Holding", name + " Holding"), ((string?)source["name"], (string?)target["name"]));

        // Chain: the team is one organization in five systems (Customerp, and through it Trello and Tidsbanken; Custompms
        // by flow 6); a rename in Asana reaches them all.
        await check.SyncAllAsync();
        var renamed = "Havørn Shipping " + Unique.Tag();
        await check.EditAsync(check.Source, inserted.SourceId, new JsonObject { ["name"] = renamed });
        await check.SyncAllAsync();
        Assert.Equal(renamed, (string?)(await check.GetAsync(Sides.CustomerpCustomer, inserted.TargetId))["name"]);
        Assert.Equal(renamed, await LinkedValueAsync(check, inserted, Sides.CustompmsCustomer, "name"));
        Assert.Equal(renamed, await LinkedValueAsync(check, inserted, Sides.TrelloOrganization, "displayName"));
        Assert.Equal(renamed, await LinkedValueAsync(check, inserted, Sides.TidsbankenKunde, "Navn"));

        // References: an organization has none.
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(inserted);
    }

    [Fact]
    public async Task Flow_2_asana_workspace_and_customerp_customer_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 2, Sides.AsanaWorkspace, Sides.CustomerpCustomer) { Log = output.WriteLine };

        // Neither the API nor a person can create an Asana workspace, so the initial sync is the only place a
        // workspace meets Customerp: both sample workspaces were inserted there (no customer had their names).
        await check.AssertInitialSyncLinkedAsync();
        var personal = (await check.ListAsync(check.Source)).Single(w => (bool?)w["is_organization"] == false);
        var pair = await check.PairOfAsync(check.Source.IdOf(personal));

        var name = "Prosjekter " + Unique.Tag();
        Assert.Equal(name, (string?)(await check.EditSourceAsync(pair, new JsonObject { ["name"] = name }))["name"]);
        Assert.Equal(name + " 2", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["name"] = name + " 2" }))["name"]);

        // A workspace has only a name: the customer's own properties survive beside it.
        var (workspace, customer) = await check.EditBothAsync(pair, new JsonObject { ["name"] = name + " 3" }, new JsonObject { ["city"] = "Ålesund" });
        Assert.Equal(name + " 3", (string?)workspace["name"]);
        Assert.Equal((name + " 3", "Ålesund"), ((string?)customer["name"], (string?)customer["city"]));

        var (source, target, _) = await check.ConflictAsync(pair, "name",
            new JsonObject { ["name"] = name + " Asana" }, new JsonObject { ["name"] = name + " Customerp" }, sourceLater: true);
        Assert.Equal((name + " Asana", name + " Asana"), ((string?)source["name"], (string?)target["name"]));

        // References: an organization has none. A workspace cannot be deleted; its customer is, in Customerp.
        await check.AssertNoApiWritesAsync();
        await check.AssertTargetDeleteUnlinksAsync(pair, new JsonObject { ["name"] = name + " igjen" });
    }

    [Fact]
    public async Task Flow_3_asana_project_and_customerp_project_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 3, Sides.AsanaProject, Sides.CustomerpProject,
            Sides.AsanaTeam, Sides.CustomerpCustomer, Sides.AsanaUser, Sides.CustomerpEmployee) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();
        var organization = await AsanaSample.OrganizationAsync(check);

        // The project's team is new too: one sync links it to a customer first, then inserts the project naming it.
        var team = Sides.AsanaTeam.IdOf(await check.CreateAsync(Sides.AsanaTeam, new JsonObject { ["name"] = "Skjærgård " + Unique.Tag(), ["organization"] = organization }));
        var owner = Sides.AsanaUser.IdOf((await check.ListAsync(Sides.AsanaUser))[0]);
        var manager = await check.LinkedAsync(Sides.AsanaUser, owner, Sides.CustomerpEmployee);
        Assert.NotNull(manager);

        // No match by merge criterion: Asana projects have no number, so every project is inserted and tracked.
        var pair = await check.InsertAsync(new JsonObject
        {
            ["name"] = "Kaianlegg", ["notes"] = "Ny kai.", ["team"] = team, ["owner"] = owner, ["start_on"] = "2026-04-01", ["due_on"] = "2026-10-31",
        });
        var project = await check.GetAsync(check.Target, pair.TargetId);
        Assert.Equal((await check.LinkedAsync(Sides.AsanaTeam, team, Sides.CustomerpCustomer), manager),
            (project["customer_id"]?.ToString(), project["manager_id"]?.ToString()));
        Assert.Equal(("Kaianlegg", "Ny kai.", "2026-04-01", "2026-10-31", "active"),
            ((string?)project["name"], (string?)project["description"], (string?)project["start_date"], (string?)project["end_date"], (string?)project["status"]));

        Assert.Equal("2026-11-30", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["due_on"] = "2026-11-30" }))["end_date"]);
        Assert.True((bool?)(await check.EditTargetAsync(pair, new JsonObject { ["status"] = "completed" }))["completed"]);

        // A reference edited in Customerp is translated back: the project moves to the team linked to its new customer.
        var otherTeam = Sides.AsanaTeam.IdOf(await check.CreateAsync(Sides.AsanaTeam, new JsonObject { ["name"] = "Fjordbris " + Unique.Tag(), ["organization"] = organization }));
        await check.SyncAsync();
        var otherCustomer = await check.LinkedAsync(Sides.AsanaTeam, otherTeam, Sides.CustomerpCustomer);
        var moved = await check.EditTargetAsync(pair, new JsonObject { ["customer_id"] = int.Parse(otherCustomer!, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(otherTeam, (string?)moved["team"]?["gid"]);

        var (asana, customerp) = await check.EditBothAsync(pair, new JsonObject { ["notes"] = "Ny kai, fase 2." }, new JsonObject { ["start_date"] = "2026-05-01" });
        Assert.Equal(("Ny kai, fase 2.", "2026-05-01"), ((string?)asana["notes"], (string?)asana["start_on"]));
        Assert.Equal(("Ny kai, fase 2.", "2026-05-01"), ((string?)customerp["description"], (string?)customerp["start_date"]));

        var (source, target, _) = await check.ConflictAsync(pair, "name",
            new JsonObject { ["name"] = "Kaianlegg Nord" }, new JsonObject { ["name"] = "Kaianlegg Sør" }, sourceLater: false);
        Assert.Equal(("Kaianlegg Sør", "Kaianlegg Sør"), ((string?)source["name"], (string?)target["name"]));

        // Chain: through Customerp the project reaches Tidsbanken (flow 20), Crmoffice (16) and Trello (12).
        await check.SyncAllAsync();
        Assert.Equal("Kaianlegg Sør", await LinkedValueAsync(check, pair, Sides.TidsbankenProsjekt, "Navn"));
        Assert.Equal("Kaianlegg Sør", await LinkedValueAsync(check, pair, Sides.CrmofficeActivityAsProject, "subject"));
        var comment = await check.GetAsync(Sides.TrelloActionAsProject, (await check.LinkedAsync(check.Source, pair.SourceId, Sides.TrelloActionAsProject))!);
        Assert.StartsWith("Kaianlegg Sør", (string?)comment["data"]?["text"], StringComparison.Ordinal);

        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(pair);
    }

    [Fact]
    public async Task Flow_4_asana_user_and_customerp_employee_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 4, Sides.AsanaUser, Sides.CustomerpEmployee) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();

        // A person's name is one property in Asana and two in Customerp: full name = first name + " " + last name.
        var email = Unique.Email("astrid.lie");
        var pair = await check.MatchAsync(
            new JsonObject { ["first_name"] = "Astrid", ["last_name"] = "Lie", ["email"] = email, ["title"] = "Arkitekt" },
            new JsonObject { ["name"] = "Astrid Lie", ["email"] = email.ToUpperInvariant() });
        Assert.Equal("Arkitekt", (string?)(await check.GetAsync(check.Target, pair.TargetId))["title"]);

        var inserted = await check.InsertAsync(new JsonObject { ["name"] = "Jon Are Berg", ["email"] = Unique.Email("jon.are") });
        var employee = await check.GetAsync(check.Target, inserted.TargetId);
        Assert.Equal(("Jon Are", "Berg"), ((string?)employee["first_name"], (string?)employee["last_name"]));

        // A new full name is split at its last space, keeping the current first name when it still starts with it, or
        // the current last name when it still ends with it (model.yaml).
        employee = await check.EditSourceAsync(pair, new JsonObject { ["name"] = "Astrid Strand" });
        Assert.Equal(("Astrid", "Strand"), ((string?)employee["first_name"], (string?)employee["last_name"]));
        Assert.Equal("Astrid Sand", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["last_name"] = "Sand" }))["name"]);

        var (user, both) = await check.EditBothAsync(pair, new JsonObject { ["name"] = "Astrid Marie Sand" }, new JsonObject { ["title"] = "Sjefsarkitekt" });
        Assert.Equal("Astrid Marie Sand", (string?)user["name"]);
        Assert.Equal(("Astrid Marie", "Sand", "Sjefsarkitekt"), ((string?)both["first_name"], (string?)both["last_name"], (string?)both["title"]));

        var (source, target, _) = await check.ConflictAsync(pair, "full_name",
            new JsonObject { ["name"] = "Astrid Solberg" }, new JsonObject { ["last_name"] = "Sandvik" }, sourceLater: true);
        Assert.Equal("Astrid Solberg", (string?)source["name"]);
        Assert.Equal(("Astrid", "Solberg"), ((string?)target["first_name"], (string?)target["last_name"]));

        // Chain: through Customerp the person reaches Crmoffice (flow 14), Tidsbanken (19), and the Trello member who
        // signs up with the same e-mail address (13, by match). Trello keeps no modification time, so the name the
        // member signed up with is older than any known edit: the cluster's name wins (logged as a conflict). A rename
        // in Trello then comes back to Asana the same way.
        var workspace = Sides.TrelloOrganization.IdOf((await check.ListAsync(Sides.TrelloOrganization))[0]);
        var member = Sides.TrelloMember.IdOf(await check.CreateAsync(Sides.TrelloMember, new JsonObject { ["fullName"] = "Astrid", ["email"] = email, ["idOrganization"] = workspace }));
        await check.SyncAllAsync();
        Assert.Equal("Solberg", await LinkedValueAsync(check, pair, Sides.CrmofficeContact, "familyName"));
        Assert.Equal("Solberg", await LinkedValueAsync(check, pair, Sides.TidsbankenAnsatt, "Etternavn"));
        Assert.Equal(("Astrid Solberg", "AS"), ((string?)(await check.GetAsync(Sides.TrelloMember, member))["fullName"], (string?)(await check.GetAsync(Sides.TrelloMember, member))["initials"]));
        await check.EditAsync(Sides.TrelloMember, member, new JsonObject { ["fullName"] = "Astrid Solberg Lie" });
        await check.SyncAllAsync();
        Assert.Equal("Astrid Solberg Lie", (string?)(await check.GetAsync(check.Source, pair.SourceId))["name"]);

        // References: a person has none.
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(inserted);
    }

    private static async Task<string?> LinkedValueAsync(FlowCheck check, Pair pair, Side side, string field)
    {
        var id = await check.LinkedAsync(check.Source, pair.SourceId, side);
        Assert.True(id is not null, $"{check.Source} {pair.SourceId} has no linked {side}\n{await check.DescribeAsync(check.Source, pair.SourceId)}");
        return (string?)(await check.GetAsync(side, id!))[field];
    }
}
