using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Emulation.Faults;

namespace Tolk.Custompms.Tests.Connector;

public sealed class LostCreateTests(CustompmsConnectorFixture fixture) : ConnectorTests(fixture)
{
    private static JsonObject Customer() => new() { ["name"] = "Tapt Svar AS", ["orgNumber"] = "911222333", ["email"] = "post@taptsvar.no" };

    [Fact]
    public async Task a_create_whose_every_answer_is_lost_is_found_by_its_match_fields_without_a_second_insert()
    {
        var before = await Fixture.ExpectedIdsAsync("customer");
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Probability: 1, Times: 10));
        var request = new CreateRequest(Customer(), "intent-42", new Dictionary<string, string> { ["orgNumber"] = "911222333" });

        var outcome = await Fixture.Create(maxRetries: 1).CreateAsync("customer", request, default);

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        var created = Assert.Single((await Fixture.ExpectedIdsAsync("customer")).Except(before));
        Assert.Equal(created, outcome.Record!.Id);
    }

    [Fact]
    public async Task a_dropped_answer_is_retried_with_the_same_idempotency_key_and_the_api_replays_the_first_create()
    {
        var before = await Fixture.ExpectedIdsAsync("customer");
        var mark = await Fixture.Emulator.Admin.CallCountAsync();
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Nth: 1));

        var outcome = await Fixture.Create().CreateAsync("customer", new CreateRequest(Customer(), "intent-43"), default);

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(Assert.Single((await Fixture.ExpectedIdsAsync("customer")).Except(before)), outcome.Record!.Id);
        var posts = (await Fixture.Emulator.Admin.CallsAsync(mark)).Calls.Where(c => c.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
    }

    [Fact]
    public async Task a_repeated_create_with_the_same_key_returns_the_first_record()
    {
        var connector = Fixture.Create();
        var request = new CreateRequest(Customer(), "intent-44");
        var first = await connector.CreateAsync("customer", request, default);
        var again = await Fixture.Create().CreateAsync("customer", request with { Properties = Customer() }, default);
        Assert.Equal(first.Record!.Id, again.Record!.Id);
    }

    [Fact]
    public async Task a_key_the_api_would_refuse_is_sent_as_its_hash_and_still_deduplicates()
    {
        var request = new CreateRequest(Customer(), new string('k', 300) + " with spaces");
        var first = await Fixture.Create().CreateAsync("customer", request, default);
        var again = await Fixture.Create().CreateAsync("customer", request, default);
        Assert.True(first.Succeeded, first.Failure?.Message);
        Assert.Equal(first.Record!.Id, again.Record!.Id);
    }

    [Fact]
    public async Task find_created_finds_by_all_fields_when_there_are_no_match_fields_and_returns_null_when_nothing_was_created()
    {
        var connector = Fixture.Create();
        var request = new CreateRequest(Customer(), "intent-45");
        Assert.Null(await connector.FindCreatedAsync("customer", request, default));
        var created = await connector.CreateAsync("customer", request, default);
        Assert.Equal(created.Record!.Id, (await connector.FindCreatedAsync("customer", request, default))?.Id);
    }

    [Fact]
    public async Task find_created_ignores_an_older_record_with_the_same_match_fields()
    {
        var seeded = (await Fixture.Emulator.Admin.ListAsync("customers")).First(c => c["orgNumber"] is not null);
        await Fixture.Emulator.Admin.EditAsync("customers", seeded["id"]!.GetValue<string>(), new JsonObject { ["phone"] = "+47 111 11 111" });
        var request = new CreateRequest(Customer(), "intent-46", new Dictionary<string, string> { ["orgNumber"] = seeded["orgNumber"]!.GetValue<string>() });

        Assert.Null(await Fixture.Create().FindCreatedAsync("customer", request, default));
    }
}
