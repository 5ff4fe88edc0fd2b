using System.Text.Json.Nodes;
using Tolk.Emulation.Faults;

namespace Tolk.Custompms.Tests.Emulator;

/// <summary>Faults injected through the admin channel answer in Custompms's own error format.</summary>
public sealed class FaultTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    [Theory]
    [InlineData(500, "internal_error")]
    [InlineData(503, "service_unavailable")]
    [InlineData(404, "not_found")]
    [InlineData(409, "conflict")]
    public async Task a_status_fault_answers_in_custompms_error_format(int status, string error)
    {
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Path: "/api/customers", Nth: 1, Status: status));

        var reply = await Api.CallGetAsync("customers");

        ErrorAssert.Is(reply, status, error);
        Assert.Equal(200, (await Api.CallGetAsync("customers")).Status);
    }

    [Fact]
    public async Task a_fault_message_is_the_error_message()
    {
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 500, Message: "database restarting"));

        Assert.Equal("database restarting", (string?)ErrorAssert.Is(await Api.CallGetAsync("tasks"), 500, "internal_error")["message"]);
    }

    [Fact]
    public async Task a_429_fault_signals_like_the_real_limit_with_retry_after()
    {
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 429));
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 429, RetryAfterSeconds: 7));

        var plain = await Api.CallGetAsync("customers");
        var withRetry = await Api.CallGetAsync("customers");

        ErrorAssert.Is(plain, 429, "rate_limited");
        Assert.Equal("1", plain.Header("Retry-After"));
        ErrorAssert.Is(withRetry, 429, "rate_limited");
        Assert.Equal("7", withRetry.Header("Retry-After"));
    }

    [Fact]
    public async Task a_dropped_response_applies_the_create_but_the_client_gets_an_exception()
    {
        var before = (await Fixture.Server.Admin.ListAsync("customers")).Count;
        var head = (long)(await Api.CallGetAsync("changes")).Body["lastSeq"]!;
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Path: "/api/customers", Nth: 1));

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Api.CallPostAsync("customers", Sample.Customer("Tapt svar AS")));

        var customers = await Fixture.Server.Admin.ListAsync("customers");
        Assert.Equal(before + 1, customers.Count);
        Assert.Contains(customers, c => (string?)c["name"] == "Tapt svar AS");
        Assert.Single((JsonArray)(await Api.CallGetAsync($"changes?since={head}")).Body["changes"]!);
    }

    [Fact]
    public async Task a_dropped_response_with_an_idempotency_key_is_recovered_by_retrying()
    {
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Nth: 1));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Api.CallPostAsync("customers", Sample.Customer("Igjen AS"), ("Idempotency-Key", "lost")));

        var retried = await Api.CallPostAsync("customers", Sample.Customer("Igjen AS"), ("Idempotency-Key", "lost"));

        Assert.Equal(201, retried.Status);
        Assert.Single(await Fixture.Server.Admin.ListAsync("customers"), c => (string?)c["name"] == "Igjen AS");
    }

    [Fact]
    public async Task a_dropped_request_applies_nothing()
    {
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropRequest, Method: "POST", Nth: 1));

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Api.CallPostAsync("customers", Sample.Customer("Aldri AS")));

        Assert.DoesNotContain(await Fixture.Server.Admin.ListAsync("customers"), c => (string?)c["name"] == "Aldri AS");
    }
}
