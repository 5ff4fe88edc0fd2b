using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Tolk.Engine.Tests.Qa;

/// <summary>
/// Seed 002, "Customerp to Trello Dataflow": flows 10 (contact → member), 11 (customer → workspace), 12 (project →
/// comment on the configured card), 13 (employee → member). Trello members cannot be created (people sign up), so
/// flows 10 and 13 only match, by e-mail; a member has no modification time, so there the Trello edit is the later one.
/// </summary>
[Collection(QaSuite.Name)]
public sealed class Seed002CustomerpToTrelloTests(QaFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Flow_10_customerp_contact_and_trello_member_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 10, Sides.CustomerpContact, Sides.TrelloMember) { Log = output.WriteLine };
        await MemberChecklistAsync(check);
    }

    [Fact]
    public async Task Flow_11_customerp_customer_and_trello_workspace_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 11, Sides.CustomerpCustomer, Sides.TrelloOrganization) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();

        // A workspace has only a display name, a description and a website: the merge criterion falls back to the name.
        var name = "Bølgen Bygg " + Unique.Tag();
        var pair = await check.MatchAsync(
            new JsonObject { ["displayName"] = name },
            new JsonObject { ["name"] = name, ["org_number"] = Unique.OrgNumber(), ["website"] = "https://bolgen.example", ["notes"] = "Byggfirma." });
        var workspace = await check.GetAsync(check.Target, pair.TargetId);
        Assert.Equal(("https://bolgen.example", "Byggfirma."), ((string?)workspace["website"], (string?)workspace["desc"]));

        var inserted = await check.InsertAsync(new JsonObject { ["name"] = "Tindevegg " + Unique.Tag(), ["notes"] = "Klatresenter." });
        Assert.Equal("Klatresenter.", (string?)(await check.GetAsync(check.Target, inserted.TargetId))["desc"]);

        Assert.Equal("Byggfirma i Bergen.", (string?)(await check.EditSourceAsync(pair, new JsonObject { ["notes"] = "Byggfirma i Bergen." }))["desc"]);
        Assert.Equal("https://bolgen-bygg.example", (string?)(await check.EditTargetAsync(pair, new JsonObject { ["website"] = "https://bolgen-bygg.example" }))["website"]);

        var (customer, both) = await check.EditBothAsync(pair, new JsonObject { ["name"] = name + " AS" }, new JsonObject { ["desc"] = "Bygg og anlegg." });
        Assert.Equal((name + " AS", "Bygg og anlegg."), ((string?)customer["name"], (string?)customer["notes"]));
        Assert.Equal((name + " AS", "Bygg og anlegg."), ((string?)both["displayName"], (string?)both["desc"]));

        var (source, target, _) = await check.ConflictAsync(pair, "name",
            new JsonObject { ["name"] = name + " Customerp" }, new JsonObject { ["displayName"] = name + " Trello" }, sourceLater: false);
        Assert.Equal((name + " Trello", name + " Trello"), ((string?)source["name"], (string?)target["displayName"]));

        // References: an organization has none. Chains through this flow (an Asana team renamed reaching Customerp,
        // Trello and Tidsbanken) are in flow 1's test.
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(inserted);
    }

    [Fact]
    public async Task Flow_12_customerp_project_and_trello_comment_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 12, Sides.CustomerpProject, Sides.TrelloActionAsProject) { Log = output.WriteLine };
        await check.AssertInitialSyncLinkedAsync();

        // No match by merge criterion: a comment has no project number, so every project is inserted and tracked, as a
        // comment whose text is the name, a blank line, and the description.
        var pair = await check.InsertAsync(new JsonObject { ["name"] = "Takomlegging", ["description"] = "Skifer på nordsiden.", ["start_date"] = "2026-05-04" });
        Assert.Equal("Takomlegging\n\nSkifer på nordsiden.", Text(await check.GetAsync(check.Target, pair.TargetId)));

        Assert.Equal("Takomlegging\n\nSkifer på alle sider.",
            Text(await check.EditSourceAsync(pair, new JsonObject { ["description"] = "Skifer på alle sider." })));

        // A person edits the comment in Trello: it is parsed back into the name and the description.
        var project = await check.EditTargetAsync(pair, new JsonObject { ["text"] = "Takomlegging 2026\n\nSkifer og takrenner." });
        Assert.Equal(("Takomlegging 2026", "Skifer og takrenner."), ((string?)project["name"], (string?)project["description"]));

        var (customerp, trello) = await check.EditBothAsync(pair, new JsonObject { ["end_date"] = "2026-09-30" }, new JsonObject { ["text"] = "Takomlegging 2026\n\nSkifer, takrenner og pipe." });
        Assert.Equal(("2026-09-30", "Skifer, takrenner og pipe."), ((string?)customerp["end_date"], (string?)customerp["description"]));
        Assert.Equal("Takomlegging 2026\n\nSkifer, takrenner og pipe.", Text(trello));

        var (source, target, _) = await check.ConflictAsync(pair, "name",
            new JsonObject { ["name"] = "Tak (Customerp)" }, new JsonObject { ["text"] = "Tak (Trello)\n\nSkifer, takrenner og pipe." }, sourceLater: false);
        Assert.Equal("Tak (Trello)", (string?)source["name"]);
        Assert.Equal("Tak (Trello)\n\nSkifer, takrenner og pipe.", Text(target));

        // References: a comment carries no customer or manager (dropped in trello.yaml).
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(pair);
    }

    [Fact]
    public async Task Flow_13_customerp_employee_and_trello_member_stay_in_sync()
    {
        var check = new FlowCheck(fixture.Harness, 13, Sides.CustomerpEmployee, Sides.TrelloMember) { Log = output.WriteLine };
        await MemberChecklistAsync(check);
    }

    // Flows 10 and 13 alike: a Customerp person and the Trello member with the same e-mail address.
    private static async Task MemberChecklistAsync(FlowCheck check)
    {
        await check.AssertInitialSyncLinkedAsync(matchOnly: true);
        var workspace = Sides.TrelloOrganization.IdOf((await check.ListAsync(Sides.TrelloOrganization))[0]);

        // A person signs up in Trello and joins a workspace Tolk's member can see; the Customerp person comes later.
        var email = Unique.Email("mari.dahl");
        var pair = await check.MatchAsync(
            new JsonObject { ["fullName"] = "Mari Dahl", ["email"] = email, ["idOrganization"] = workspace },
            new JsonObject { ["first_name"] = "Mari", ["last_name"] = "Dahl", ["email"] = email.ToUpperInvariant(), ["phone"] = "+47 966 66 666" });

        // Trello members cannot be created: a Customerp person nobody signed up as stays unlinked, without an error.
        await check.AssertNotInsertedAsync(new JsonObject { ["first_name"] = "Ole", ["last_name"] = "Ukjent", ["email"] = Unique.Email("ole") });

        var member = await check.EditSourceAsync(pair, new JsonObject { ["last_name"] = "Dahl Lie" });
        Assert.Equal(("Mari Dahl Lie", "MDL"), ((string?)member["fullName"], (string?)member["initials"]));
        var person = await check.EditTargetAsync(pair, new JsonObject { ["fullName"] = "Mari Lie" });
        Assert.Equal(("Mari", "Lie"), ((string?)person["first_name"], (string?)person["last_name"]));

        var (customerp, trello) = await check.EditBothAsync(pair, new JsonObject { ["title"] = "Rådgiver" }, new JsonObject { ["fullName"] = "Mari Lie Dahl" });
        Assert.Equal(("Mari", "Lie Dahl", "Rådgiver"), ((string?)customerp["first_name"], (string?)customerp["last_name"], (string?)customerp["title"]));
        Assert.Equal("Mari Lie Dahl", (string?)trello["fullName"]);

        var (source, target, _) = await check.ConflictAsync(pair, "full_name",
            new JsonObject { ["last_name"] = "Berg" }, new JsonObject { ["fullName"] = "Mari Lie Strand" }, sourceLater: false);
        Assert.Equal(("Mari", "Lie Strand"), ((string?)source["first_name"], (string?)source["last_name"]));
        Assert.Equal("Mari Lie Strand", (string?)target["fullName"]);

        // References: a person has none.
        await check.AssertNoApiWritesAsync();
        await check.AssertDeleteUnlinksAsync(pair);
    }

    private static string? Text(JsonObject comment) => (string?)comment["data"]?["text"];
}
