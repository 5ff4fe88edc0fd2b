using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Emulation.Faults;

namespace Tolk.Customerp.Tests.Connector;

public sealed class WriteFailureTests(CustomerpConnectorFixture fixture) : ConnectorTests(fixture)
{
    private static CreateRequest Create(JsonObject fields) => new(fields, Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task a_missing_required_field_is_rejected_naming_the_field()
    {
        var outcome = await Fixture.Create().CreateAsync("customer", Create(new JsonObject { ["city"] = "Oslo" }), default);
        AssertFailure(outcome, FailureKind.Rejected, "name");
    }

    [Fact]
    public async Task a_value_of_the_wrong_type_is_rejected_naming_the_field()
    {
        var outcome = await Fixture.Create().UpdateAsync("customer", "1", new JsonObject { ["is_active"] = "yes" }, default);
        AssertFailure(outcome, FailureKind.Rejected, "is_active");
    }

    [Fact]
    public async Task a_taken_unique_value_is_a_conflict_naming_the_field()
    {
        var taken = (string)(await Fixture.Emulator.Admin.GetAsync("products", "1"))!["sku"]!;
        var outcome = await Fixture.Create().CreateAsync("product", Create(new JsonObject { ["sku"] = taken, ["name"] = "Copy" }), default);
        AssertFailure(outcome, FailureKind.Conflict, "sku");
    }

    [Fact]
    public async Task a_record_that_is_not_there_is_not_found()
    {
        var connector = Fixture.Create();
        AssertFailure(await connector.UpdateAsync("contact", "99999", new JsonObject { ["title"] = "CEO" }, default), FailureKind.NotFound);
        AssertFailure(await connector.DeleteAsync("contact", "99999", default), FailureKind.NotFound);
    }

    [Fact]
    public async Task an_update_of_a_record_changed_since_it_was_read_is_a_conflict_and_the_next_attempt_goes_ahead()
    {
        var connector = Fixture.Create();
        await ReadAllAsync(connector, "employee", ConnectorCursor.None);
        await Fixture.Emulator.Admin.EditAsync("employees", "1", new JsonObject { ["title"] = "Changed by a person" });

        var stale = await connector.UpdateAsync("employee", "1", new JsonObject { ["department"] = "Sales" }, default);
        AssertFailure(stale, FailureKind.Conflict);
        var retried = await connector.UpdateAsync("employee", "1", new JsonObject { ["department"] = "Sales" }, default);

        Assert.True(retried.Succeeded, retried.Failure?.Message);
        Assert.Equal("Changed by a person", (string)retried.Record!.Properties["title"]!);
        Assert.Equal("Sales", (string)retried.Record.Properties["department"]!);
    }

    [Fact]
    public async Task a_delete_is_soft_and_a_second_delete_is_not_found()
    {
        var connector = Fixture.Create();
        var deleted = await connector.DeleteAsync("project", "1", default);
        Assert.True(deleted.Succeeded, deleted.Failure?.Message);
        Assert.True(deleted.Record!.Deleted);
        AssertFailure(await connector.DeleteAsync("project", "1", default), FailureKind.NotFound);
    }

    [Fact]
    public async Task a_system_that_keeps_failing_is_unavailable_and_one_that_keeps_throttling_is_rate_limited()
    {
        var connector = Fixture.Create(maxRetries: 1);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PATCH", Probability: 1, Times: 2, Status: 503));
        AssertFailure(await connector.UpdateAsync("customer", "1", new JsonObject { ["city"] = "Molde" }, default), FailureKind.Unavailable);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PATCH", Probability: 1, Times: 2, Status: 429,
            RetryAfterSeconds: 0));
        var throttled = await connector.UpdateAsync("customer", "1", new JsonObject { ["city"] = "Molde" }, default);
        AssertFailure(throttled, FailureKind.RateLimited);
    }

    [Fact]
    public async Task rejected_credentials_fail_writes_with_the_guard_message_and_other_connectors_carry_on()
    {
        var bad = Fixture.Create(badCredentials: true);
        var outcome = await bad.UpdateAsync("customer", "1", new JsonObject { ["city"] = "Molde" }, default);
        AssertFailure(outcome, FailureKind.CredentialsRejected);
        Assert.StartsWith("credentials rejected for customerp: ", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.True((await Fixture.Create().UpdateAsync("customer", "1", new JsonObject { ["city"] = "Molde" }, default)).Succeeded);
    }

    [Fact]
    public async Task a_datatype_customerp_does_not_have_is_not_supported()
    {
        AssertFailure(await Fixture.Create().CreateAsync("invoice", Create([]), default), FailureKind.NotSupported);
    }

    private static void AssertFailure(WriteOutcome outcome, FailureKind kind, string? field = null)
    {
        Assert.False(outcome.Succeeded, "the write should have failed");
        Assert.Equal(kind, outcome.Failure!.Kind);
        if (field is not null)
        {
            Assert.Equal(field, outcome.Failure.Field);
        }
        Assert.False(string.IsNullOrWhiteSpace(outcome.Failure.Message));
    }
}
