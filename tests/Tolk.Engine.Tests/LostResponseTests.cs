using System.Text.Json.Nodes;
using Tolk.Emulation.Faults;
using Tolk.Engine.Tests.Recovery;
using Tolk.Hub.Store;

namespace Tolk.Engine.Tests;

/// <summary>
/// Creates whose response the emulator drops after applying them (fault injection): the connector or, failing that,
/// the engine's next cycle must find the record, so the sync ends with nothing created twice.
/// </summary>
[Collection(RecoveryTests.Name)]
public sealed class LostResponseTests(CleanSync clean)
{
    // One datatype per target system with several creates in the small sample's initial sync.
    private static readonly Dictionary<string, string> CreatePaths = new(StringComparer.Ordinal)
    {
        ["customerp"] = "/api/v1/projects",
        ["tidsbanken"] = "/prosjekt/Kunde",
        ["crmoffice"] = "/contacts",
        ["custompms"] = "/api/projects",
        ["trello"] = "/1/organizations",
    };

    [Fact]
    public async Task creates_whose_responses_are_dropped_in_every_target_system_leave_no_duplicate()
    {
        await using var run = await RecoveryRun.StartAsync();
        foreach (var (system, path) in CreatePaths)
        {
            await run.Sandbox.Fleet[system].Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Path: path, Nth: 2));
        }

        await run.OpenEngineAsync();
        await run.SyncToRestAsync();

        foreach (var (system, path) in CreatePaths)
        {
            var calls = (await run.Sandbox.Fleet[system].Admin.CallsAsync()).Calls;
            Assert.Contains(calls, c => c.Method == "POST" && c.Path == path && c.Fault is not null);
        }

        Assert.Empty(await run.Store.GetPendingIntentsAsync());
        Assert.Empty(EmulatorCounts.Differences(clean.Counts, await EmulatorCounts.ReadAsync(run.Sandbox)));
    }

    [Fact]
    public async Task a_create_whose_response_and_lookup_are_both_lost_stays_pending_and_the_next_cycle_adopts_the_record()
    {
        await using var run = await RecoveryRun.StartAsync();
        await run.OpenEngineAsync();
        await run.SyncToRestAsync();
        var email = $"tapt.svar.{Guid.NewGuid():N}@example.no";
        await run.Sandbox.Fleet["customerp"].Admin.CreateAsync("contacts", new JsonObject
        {
            ["first_name"] = "Tapt",
            ["last_name"] = "Svar",
            ["email"] = email,
        });
        var crmoffice = run.Sandbox.Fleet["crmoffice"].Admin;
        // The create is applied but its answer lost, and every look for it fails: the connector cannot tell what happened.
        await crmoffice.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Path: "/contacts", Probability: 1, Times: 1));
        await crmoffice.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "GET", Path: "/contacts", Probability: 1, Times: 1000, Status: 503));

        // Only Customerp's contacts are read, so the failing listing hits the lookup alone.
        var first = await run.Engine.RunCycleAsync([new Dataset("customerp", "contact")]);

        var intent = Assert.Single(await run.Store.GetPendingIntentsAsync());
        Assert.Equal(new Dataset("crmoffice", "contact"), intent.Dataset);
        Assert.Equal(0, first.Flow(17).Inserted);
        var created = Assert.Single(await crmoffice.ListAsync("contacts"), c => (string?)c["email"] == email);

        await crmoffice.ClearFaultsAsync();
        await run.SyncToRestAsync();

        Assert.Empty(await run.Store.GetPendingIntentsAsync());
        var resolved = await run.Store.GetIntentAsync(intent.Id);
        Assert.Equal(IntentState.Done, resolved?.State);
        Assert.Equal((string?)created["id"], resolved!.RecordId);
        Assert.Single(await crmoffice.ListAsync("contacts"), c => (string?)c["email"] == email);
        Assert.Contains(await run.Store.FindMembersAsync(intent.Dataset, resolved.RecordId!), m => m.ClusterId == resolved.ClusterId);
    }
}
