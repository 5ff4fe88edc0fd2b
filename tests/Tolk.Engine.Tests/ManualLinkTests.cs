using System.Text.Json.Nodes;
using Tolk.Engine.Tests.Harness;

namespace Tolk.Engine.Tests;

/// <summary>
/// Settling ambiguous matches by hand. In the small sample, the Asana team "Saga Marine AS" matches two Custompms
/// customers of that name (flow 6), and the Customerp customer it is linked with matches two Trello organizations
/// (flow 11): two ambiguities on one cluster.
/// </summary>
public sealed class ManualLinkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Regression: linking the team lifted every block on its cluster, so the next cycle inserted a third "Saga Marine AS"
    // in Trello for the Customerp customer, whose own ambiguity nobody had settled.
    [Fact]
    public async Task linking_one_ambiguity_by_hand_settles_it_and_leaves_the_other_on_its_cluster_blocked()
    {
        await using var harness = new SyncHarness();
        await harness.InitializeAsync();
        var ambiguities = (await harness.Engine.AmbiguitiesAsync(Patience))!;
        var team = Assert.Single(ambiguities, a => a.Flow == 6);
        var customer = Assert.Single(ambiguities, a => a.Flow == 11);
        Assert.Equal(2, team.Candidates.Count);
        Assert.Equal(team.Record.ClusterId, customer.Record.ClusterId);
        var organizations = (await harness.Admin("trello").ListAsync("organizations")).Count;
        var (chosen, other) = (team.Candidates[0].Record, team.Candidates[1].Record);

        Assert.Null(await harness.Engine.LinkAsync(team.Record.Record, chosen));
        Assert.Contains("unlink that one first", await harness.Engine.LinkAsync(team.Record.Record, other), StringComparison.Ordinal);
        var report = await harness.SyncAsync();

        Assert.Empty(report.Waiting);
        Assert.Equal(organizations, (await harness.Admin("trello").ListAsync("organizations")).Count);
        Assert.Equal(11, Assert.Single((await harness.Engine.AmbiguitiesAsync(Patience))!).Flow);
        Assert.DoesNotContain(await harness.Store.GetErrorsAsync(false, 1000), e => team.ErrorIds.Contains(e.Id));

        // The candidate not chosen, edited and so processed again, is not reported as a match for the team any more.
        await harness.Admin("custompms").EditAsync("customers", other.RecordId, new JsonObject { ["phone"] = "+47 555 00 000" });
        await harness.SyncAsync();
        Assert.DoesNotContain(await harness.Store.GetErrorsAsync(false, 1000), e => e.RecordId == other.RecordId);
        Assert.Empty(await harness.Store.FindMembersAsync(other.Dataset, other.RecordId));

        Assert.Null(await harness.Engine.LinkAsync(customer.Record.Record, customer.Candidates[0].Record));
        await harness.SyncAsync();
        Assert.Empty((await harness.Engine.AmbiguitiesAsync(Patience))!);
        Assert.DoesNotContain(await harness.Store.GetErrorsAsync(false, 1000), e => e.Stage == "match");
        Assert.Equal(organizations, (await harness.Admin("trello").ListAsync("organizations")).Count);
    }
}
