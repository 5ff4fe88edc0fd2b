using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Engine.Tests.Harness;
using Tolk.Hub.Store;

namespace Tolk.Engine.Tests;

public sealed class AmbiguityTests
{
    // Regression: a record that joined its cluster through another record's match (here a Tidsbanken Kunde matched it by
    // org number) was never matched itself, so the ambiguity of its other flows went unseen and the engine inserted a
    // third namesake in Trello. The same happened to a record processed again after a crash.
    [Fact]
    public async Task a_customer_linked_through_another_systems_match_is_not_inserted_where_its_match_is_ambiguous()
    {
        await using var harness = new SyncHarness();
        await harness.InitializeAsync();
        const string name = "Dobbeltgjenger AS";
        var orgNumber = $"97{Random.Shared.Next(1_000_000, 9_999_999)}";
        await harness.Admin("trello").CreateAsync("organizations", new JsonObject { ["displayName"] = name, ["desc"] = "the first namesake" });
        await harness.Admin("trello").CreateAsync("organizations", new JsonObject { ["displayName"] = name, ["desc"] = "the second namesake" });
        await harness.Admin("tidsbanken").CreateAsync("Kunde", new JsonObject { ["Id"] = "K9" + orgNumber[^5..], ["Navn"] = name, ["Organisasjonsnummer"] = orgNumber });
        var customer = await harness.Admin("customerp").CreateAsync("customers", new JsonObject { ["name"] = name, ["org_number"] = orgNumber });

        // Collected in this order, the Kunde is processed first and its match brings the customer into its cluster.
        var collector = new Collector(harness.Store);
        await collector.CollectAsync(harness.Connectors["trello"], "organization");
        await collector.CollectAsync(harness.Connectors["tidsbanken"], "kunde");
        await collector.CollectAsync(harness.Connectors["customerp"], "customer");
        await harness.Engine.RunCycleAsync(collect: false);
        await harness.SyncAsync();

        Assert.Equal(2, (await harness.Admin("trello").ListAsync("organizations")).Count(o => (string?)o["displayName"] == name));
        var customerId = (string)customer["id"]!.ToString();
        var member = Assert.Single(await harness.Store.FindMembersAsync(new Dataset("customerp", "customer"), customerId));
        var cluster = await harness.Store.GetClusterAsync(member.ClusterId);
        Assert.Contains(cluster!.Members, m => m.Dataset == new Dataset("tidsbanken", "kunde"));
        Assert.DoesNotContain(cluster.Members, m => m.Dataset == new Dataset("trello", "organization"));
        Assert.Contains(await harness.Store.GetErrorsAsync(false, 1000),
            e => e.Dataset == new Dataset("customerp", "customer") && e.RecordId == customerId && e.Stage == "match" && e.Message.Contains("trello.organization", StringComparison.Ordinal));
    }
}
