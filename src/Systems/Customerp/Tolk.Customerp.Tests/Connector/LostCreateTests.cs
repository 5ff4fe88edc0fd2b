using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Emulation.Faults;

namespace Tolk.Customerp.Tests.Connector;

public sealed class LostCreateTests(CustomerpConnectorFixture fixture) : ConnectorTests(fixture)
{
    private static readonly JsonObject Contact = new() { ["first_name"] = "Ingrid", ["last_name"] = "Tapt", ["email"] = "ingrid.tapt@example.no" };

    [Fact]
    public async Task a_create_whose_every_answer_is_lost_is_found_by_its_match_fields_without_a_second_insert()
    {
        var before = await Fixture.ExpectedIdsAsync("contact");
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Probability: 1, Times: 10));
        var request = new CreateRequest((JsonObject)Contact.DeepClone(), "intent-42",
            new Dictionary<string, string> { ["email"] = "Ingrid.Tapt@example.no" });

        var outcome = await Fixture.Create(maxRetries: 1).CreateAsync("contact", request, default);

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        var created = Assert.Single((await Fixture.ExpectedIdsAsync("contact")).Except(before));
        Assert.Equal(created, outcome.Record!.Id);
    }

    [Fact]
    public async Task a_repeated_create_with_the_same_key_returns_the_first_record()
    {
        var connector = Fixture.Create();
        var request = new CreateRequest((JsonObject)Contact.DeepClone(), "intent-43");
        var first = await connector.CreateAsync("contact", request, default);
        var again = await connector.CreateAsync("contact", request, default);
        Assert.Equal(first.Record!.Id, again.Record!.Id);
    }

    [Fact]
    public async Task find_created_finds_by_all_fields_when_there_are_no_match_fields_and_returns_null_when_nothing_was_created()
    {
        var connector = Fixture.Create();
        var request = new CreateRequest((JsonObject)Contact.DeepClone(), "intent-44");
        Assert.Null(await connector.FindCreatedAsync("contact", request, default));
        var created = await connector.CreateAsync("contact", request, default);
        Assert.Equal(created.Record!.Id, (await connector.FindCreatedAsync("contact", request, default))?.Id);
    }
}
