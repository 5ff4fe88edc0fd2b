using System.Text.Json.Nodes;
using Tolk.Engine.Tests.Harness;
using Xunit.Abstractions;

namespace Tolk.Engine.Tests.Qa;

/// <summary>
/// Seed 000, "Asana to Customerp Dataflow": flows 1 (team → customer), 2 (workspace → customer), 3 (project → project),
/// 4 (user → employee). Asana gives teams, workspaces and users no modification time, so an edit there is as late as
/// when Tolk sees it: in the later-wins steps the Asana edit is the later one.
/// </summary>
[Collection(QaSuite.Name)]
public sealed class Seed000AsanaToCustomerpTests(SyncHarness harness, ITestOutputHelper output)
{
    [Fact]
    public async Task Flow_1_asana_team_and_customerp_customer_stay_in_sync()
    {
        var check = new FlowCheck(harness, 1, Sides.AsanaTeam, Sides.CustomerpCustomer) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();
        var organization = await AsanaOrganizationAsync(check);

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
        var check = new FlowCheck(harness, 2, Sides.AsanaWorkspace, Sides.CustomerpCustomer) { Log = output.WriteLine };

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

    private static async Task<string> AsanaOrganizationAsync(FlowCheck check) =>
        Sides.AsanaWorkspace.IdOf((await check.ListAsync(Sides.AsanaWorkspace)).First(w => (bool?)w["is_organization"] == true));

    private static async Task<string?> LinkedValueAsync(FlowCheck check, Pair pair, Side side, string field)
    {
        var id = await check.LinkedAsync(check.Source, pair.SourceId, side);
        Assert.True(id is not null, $"{check.Source} {pair.SourceId} has no linked {side}\n{await check.DescribeAsync(check.Source, pair.SourceId)}");
        return (string?)(await check.GetAsync(side, id!))[field];
    }
}
