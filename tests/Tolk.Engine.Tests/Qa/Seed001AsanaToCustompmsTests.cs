using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Tolk.Engine.Tests.Qa;

/// <summary>
/// Seed 001, "Asana to Custompms Dataflow": flows 5 (task → project), 6 (team → customer), 7 (workspace → customer),
/// 8 (project → project), 9 (task → task). Every Asana task is both a Custompms project (flow 5) and a Custompms task
/// (flow 9). Asana gives teams and workspaces no modification time, so there the Asana edit is the later one.
/// </summary>
[Collection(QaSuite.Name)]
public sealed class Seed001AsanaToCustompmsTests(QaFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Flow_5_asana_task_and_custompms_project_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 5, Sides.AsanaTaskAsProject, Sides.CustompmsProject) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();
        var workspace = await AsanaSample.OrganizationAsync(check);

        // No match by merge criterion: an Asana task has no number, so every task is inserted as a project and tracked.
        var pair = await check.InsertAsync(new JsonObject
        {
            ["name"] = "Revisjon " + Unique.Tag(), ["notes"] = "Årlig revisjon.", ["workspace"] = workspace, ["start_on"] = "2026-02-02", ["due_on"] = "2026-03-31",
        });
        var project = await check.GetAsync(check.Target, pair.TargetId);
        Assert.Equal(("Årlig revisjon.", "2026-02-02", "2026-03-31", "inProgress"),
            ((string?)project["description"], (string?)project["startDate"], (string?)project["dueDate"], (string?)project["status"]));

        Assert.Equal("2026-04-30", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["due_on"] = "2026-04-30" }))["dueDate"]);
        Assert.Equal("Revisjon og rapport.", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["description"] = "Revisjon og rapport." }))["notes"]);
        Assert.True((bool?)(await check.EditTargetAsync(pair, new JsonObject { ["status"] = "done" }))["completed"]);

        var name = "Revisjon 2026 " + Unique.Tag();
        var (task, both) = await check.EditBothAsync(pair, new JsonObject { ["name"] = name }, new JsonObject { ["startDate"] = "2026-01-15" });
        Assert.Equal((name, "2026-01-15"), ((string?)task["name"], (string?)task["start_on"]));
        Assert.Equal((name, "2026-01-15"), ((string?)both["name"], (string?)both["startDate"]));

        var (source, target, _) = await check.ConflictAsync(pair, "description",
            new JsonObject { ["notes"] = "Fra Asana." }, new JsonObject { ["description"] = "Fra Custompms." }, sourceLater: false);
        Assert.Equal(("Fra Custompms.", "Fra Custompms."), ((string?)source["notes"], (string?)target["description"]));

        // References: a task as a project names no customer or manager (dropped in asana.yaml).
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(pair);
    }

    [Fact]
    public async Task Flow_6_asana_team_and_custompms_customer_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 6, Sides.AsanaTeam, Sides.CustompmsCustomer) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();
        var organization = await AsanaSample.OrganizationAsync(check);

        var name = "Lysverket " + Unique.Tag();
        var pair = await check.MatchAsync(
            new JsonObject { ["name"] = name.ToLowerInvariant(), ["orgNumber"] = Unique.OrgNumber() },
            new JsonObject { ["name"] = name, ["organization"] = organization });
        var inserted = await check.InsertAsync(new JsonObject { ["name"] = "Kraftlaget " + Unique.Tag(), ["organization"] = organization });
        Assert.StartsWith("Kraftlaget", (string?)(await check.GetAsync(check.Target, inserted.TargetId))["name"], StringComparison.Ordinal);

        Assert.Equal(name + " AS", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["name"] = name + " AS" }))["name"]);
        Assert.Equal(name + " ASA", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["name"] = name + " ASA" }))["name"]);

        // A team and a Custompms customer share only the name: each side's own edit survives, and both reach the
        // Customerp customer the team is linked to (flow 1), which holds a description and a phone number.
        var (team, customer) = await check.EditBothAsync(pair, new JsonObject { ["description"] = "Energi." }, new JsonObject { ["phone"] = "+47 955 55 555" });
        Assert.Equal("Energi.", (string?)team["description"]);
        Assert.Equal("+47 955 55 555", (string?)customer["phone"]);
        await check.SyncAllAsync();
        var customerp = await check.GetAsync(Sides.CustomerpCustomer, (await check.LinkedAsync(check.Source, pair.SourceId, Sides.CustomerpCustomer))!);
        Assert.Equal(("Energi.", "+47 955 55 555"), ((string?)customerp["notes"], (string?)customerp["phone"]));

        var (source, target, _) = await check.ConflictAsync(pair, "name",
            new JsonObject { ["name"] = name + " Asana" }, new JsonObject { ["name"] = name + " Custompms" }, sourceLater: true);
        Assert.Equal((name + " Asana", name + " Asana"), ((string?)source["name"], (string?)target["name"]));

        // References: an organization has none.
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(inserted);
    }

    [Fact]
    public async Task Flow_7_asana_workspace_and_custompms_customer_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 7, Sides.AsanaWorkspace, Sides.CustompmsCustomer) { Log = output.WriteLine };

        // Neither the API nor a person can create an Asana workspace: the initial sync inserted both sample workspaces
        // in Custompms (no customer had their names), and this test works on the organization's.
        await check.AssertInitialSyncLinkedAsync();
        var pair = await check.PairOfAsync(await AsanaSample.OrganizationAsync(check));

        var name = "Tolk Demo " + Unique.Tag();
        Assert.Equal(name, (string?)(await check.EditSourceAsync(pair, new JsonObject { ["name"] = name }))["name"]);
        Assert.Equal(name + " AS", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["name"] = name + " AS" }))["name"]);

        // A workspace has only a name: the customer's own properties survive beside it.
        var (workspace, customer) = await check.EditBothAsync(pair, new JsonObject { ["name"] = name + " ASA" }, new JsonObject { ["email"] = Unique.Email("post") });
        Assert.Equal(name + " ASA", (string?)workspace["name"]);
        Assert.Equal(name + " ASA", (string?)customer["name"]);
        Assert.Contains("@qa.example", (string?)customer["email"], StringComparison.Ordinal);

        var (source, target, _) = await check.ConflictAsync(pair, "name",
            new JsonObject { ["name"] = name + " Asana" }, new JsonObject { ["name"] = name + " Custompms" }, sourceLater: true);
        Assert.Equal((name + " Asana", name + " Asana"), ((string?)source["name"], (string?)target["name"]));

        // References: an organization has none. A workspace cannot be deleted; its customer is, in Custompms.
        await check.AssertNoApiWritesAsync();
        await check.AssertTargetDeleteUnlinksAsync(pair, new JsonObject { ["name"] = name });
    }

    [Fact]
    public async Task Flow_8_asana_project_and_custompms_project_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 8, Sides.AsanaProject, Sides.CustompmsProject, Sides.AsanaTeam, Sides.CustompmsCustomer) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();
        var organization = await AsanaSample.OrganizationAsync(check);
        var team = Sides.AsanaTeam.IdOf(await check.CreateAsync(Sides.AsanaTeam, new JsonObject { ["name"] = "Vannverket " + Unique.Tag(), ["organization"] = organization }));

        // No match by merge criterion: Asana projects have no number, so every project is inserted and tracked.
        var pair = await check.InsertAsync(new JsonObject
        {
            ["name"] = "Ledningsnett", ["notes"] = "Fornyelse.", ["team"] = team, ["start_on"] = "2026-03-01", ["due_on"] = "2026-12-31",
        });
        var project = await check.GetAsync(check.Target, pair.TargetId);
        Assert.Equal((await check.LinkedAsync(Sides.AsanaTeam, team, Sides.CustompmsCustomer), "Fornyelse.", "2026-03-01", "2026-12-31", "inProgress"),
            ((string?)project["customerId"], (string?)project["description"], (string?)project["startDate"], (string?)project["dueDate"], (string?)project["status"]));

        Assert.Equal("Fornyelse, fase 1.", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["notes"] = "Fornyelse, fase 1." }))["description"]);
        Assert.True((bool?)(await check.EditTargetAsync(pair, new JsonObject { ["status"] = "archived" }))["archived"]);

        // A reference edited in Custompms is translated back: the project moves to the team linked to its new customer.
        var otherTeam = Sides.AsanaTeam.IdOf(await check.CreateAsync(Sides.AsanaTeam, new JsonObject { ["name"] = "Avløpsverket " + Unique.Tag(), ["organization"] = organization }));
        await check.SyncAsync();
        var moved = await check.EditTargetAsync(pair, new JsonObject { ["customerId"] = await check.LinkedAsync(Sides.AsanaTeam, otherTeam, Sides.CustompmsCustomer) });
        Assert.Equal(otherTeam, (string?)moved["team"]?["gid"]);

        // A project whose team matches two Custompms customers waits: never written with a guessed customer. Once a
        // person links the team to one of them by hand, the project is inserted naming that one.
        var twin = "Tvillingbyen " + Unique.Tag();
        var chosen = Sides.CustompmsCustomer.IdOf(await check.CreateAsync(Sides.CustompmsCustomer, new JsonObject { ["name"] = twin }));
        await check.CreateAsync(Sides.CustompmsCustomer, new JsonObject { ["name"] = twin.ToUpperInvariant() });
        var ambiguous = Sides.AsanaTeam.IdOf(await check.CreateAsync(Sides.AsanaTeam, new JsonObject { ["name"] = twin, ["organization"] = organization }));
        var waiting = Sides.AsanaProject.IdOf(await check.CreateAsync(Sides.AsanaProject, new JsonObject { ["name"] = "Venter " + Unique.Tag(), ["team"] = ambiguous }));
        var reports = await check.SyncAsync();
        Assert.Null(await check.LinkedAsync(Sides.AsanaProject, waiting, Sides.CustompmsProject));
        var cluster = await check.ClusterOfAsync(Sides.AsanaProject, waiting);
        Assert.Contains(reports[^1].Waiting, w => w.ClusterId == cluster && w.Target == "custompms.project" && w.Property == "customer");
        Assert.Null(await fixture.Harness.Engine.LinkAsync(Sides.AsanaTeam.Member(ambiguous), Sides.CustompmsCustomer.Member(chosen)));
        await check.SyncAsync();
        var released = await check.LinkedAsync(Sides.AsanaProject, waiting, Sides.CustompmsProject);
        Assert.NotNull(released);
        Assert.Equal(chosen, (string?)(await check.GetAsync(Sides.CustompmsProject, released!))["customerId"]);

        var (asana, custompms) = await check.EditBothAsync(pair, new JsonObject { ["name"] = "Ledningsnett Sentrum" }, new JsonObject { ["dueDate"] = "2027-03-31" });
        Assert.Equal(("Ledningsnett Sentrum", "2027-03-31"), ((string?)asana["name"], (string?)asana["due_on"]));
        Assert.Equal(("Ledningsnett Sentrum", "2027-03-31"), ((string?)custompms["name"], (string?)custompms["dueDate"]));

        var (source, target, _) = await check.ConflictAsync(pair, "start_date",
            new JsonObject { ["start_on"] = "2026-04-01" }, new JsonObject { ["startDate"] = "2026-05-01" }, sourceLater: true);
        Assert.Equal(("2026-04-01", "2026-04-01"), ((string?)source["start_on"], (string?)target["startDate"]));

        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(pair);
    }

    [Fact]
    public async Task Flow_9_asana_task_and_custompms_task_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 9, Sides.AsanaTask, Sides.CustompmsTask, Sides.AsanaProject, Sides.CustompmsProject, Sides.AsanaTeam) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();
        var organization = await AsanaSample.OrganizationAsync(check);
        var users = await check.ListAsync(Sides.AsanaUser);
        var (assignee, other) = (users[0], users[1]);

        // The task's project is new too: it is linked (flow 8) before the task that names it is inserted.
        var team = Sides.AsanaTeam.IdOf(await check.CreateAsync(Sides.AsanaTeam, new JsonObject { ["name"] = "Byggherre " + Unique.Tag(), ["organization"] = organization }));
        var project = Sides.AsanaProject.IdOf(await check.CreateAsync(Sides.AsanaProject, new JsonObject { ["name"] = "Skolebygg " + Unique.Tag(), ["team"] = team }));

        // No match by merge criterion: tasks have no number or key in any system, so every task is inserted and tracked.
        var pair = await check.InsertAsync(new JsonObject
        {
            ["name"] = "Tegn fasade", ["notes"] = "Skisser først.", ["projects"] = new JsonArray(project), ["assignee"] = Sides.AsanaUser.IdOf(assignee), ["due_on"] = "2026-06-12",
        });

        // References: projects[0] becomes the linked Custompms project's id; the assignee the person's e-mail address.
        var task = await check.GetAsync(check.Target, pair.TargetId);
        Assert.Equal((await check.LinkedAsync(Sides.AsanaProject, project, Sides.CustompmsProject), (string?)assignee["email"], "Skisser først.", "2026-06-12", false),
            ((string?)task["projectId"], (string?)task["assigneeEmail"], (string?)task["description"], (string?)task["dueDate"], (bool?)task["done"]));

        Assert.True((bool?)(await check.EditSourceAsync(pair, new JsonObject { ["completed"] = true }))["done"]);
        Assert.Equal("Tegn fasade og tak", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["title"] = "Tegn fasade og tak" }))["name"]);
        var reassigned = await check.EditTargetAsync(pair, new JsonObject { ["assigneeEmail"] = (string?)other["email"] });
        Assert.Equal(Sides.AsanaUser.IdOf(other), (string?)reassigned["assignee"]?["gid"]);

        var (asana, custompms) = await check.EditBothAsync(pair, new JsonObject { ["notes"] = "Skisser og modell." }, new JsonObject { ["dueDate"] = "2026-06-26" });
        Assert.Equal(("Skisser og modell.", "2026-06-26"), ((string?)asana["notes"], (string?)asana["due_on"]));
        Assert.Equal(("Skisser og modell.", "2026-06-26"), ((string?)custompms["description"], (string?)custompms["dueDate"]));

        var (source, target, _) = await check.ConflictAsync(pair, "title",
            new JsonObject { ["name"] = "Tegn fasade (Asana)" }, new JsonObject { ["title"] = "Tegn fasade (Custompms)" }, sourceLater: false);
        Assert.Equal(("Tegn fasade (Custompms)", "Tegn fasade (Custompms)"), ((string?)source["name"], (string?)target["title"]));

        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(pair);
    }
}
