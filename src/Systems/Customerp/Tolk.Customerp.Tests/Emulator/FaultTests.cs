using System.Text.Json.Nodes;
using Tolk.Emulation.Faults;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class FaultTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    [Theory]
    [InlineData(500, "https://customerp.example/problems/internal-error")]
    [InlineData(503, "https://customerp.example/problems/service-unavailable")]
    [InlineData(502, "about:blank")]
    public async Task a_status_fault_answers_in_customerps_problem_format(int status, string type)
    {
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Status: status, Nth: 1, Path: "/api/v1/customers"));
        var reply = await Api.CallGetAsync("customers");
        Assert.Equal(status, reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
        Assert.Equal(["type", "title", "status", "detail", "errors"], reply.Body.Select(p => p.Key));
        Assert.Equal(type, (string)reply.Body["type"]!);
        Assert.Equal(200, (await Api.CallGetAsync("customers")).Status);
    }

    [Fact]
    public async Task a_status_fault_keeps_its_message_and_retry_after()
    {
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Status: 503, Nth: 1, RetryAfterSeconds: 30, Message: "Planlagt vedlikehold"));
        var reply = await Api.CallGetAsync("customers");
        Assert.Equal("Planlagt vedlikehold", (string)reply.Body["detail"]!);
        Assert.Equal("30", reply.Header("Retry-After"));
    }

    [Fact]
    public async Task a_lost_response_still_applies_the_write()
    {
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Nth: 1));
        var body = new JsonObject { ["name"] = "Tapt svar AS" };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Api.CallPostAsync("customers", body, ("Idempotency-Key", "lost-1")));
        Assert.Single(await Fixture.Server.Admin.ListAsync("customers"), c => (string?)c["name"] == "Tapt svar AS");
        // The connector's retry with the same key gets the write it could not see, not a second copy.
        var retry = await Api.CallPostAsync("customers", body, ("Idempotency-Key", "lost-1"));
        Assert.Equal(201, retry.Status);
        Assert.Single(await Fixture.Server.Admin.ListAsync("customers"), c => (string?)c["name"] == "Tapt svar AS");
    }

    [Fact]
    public async Task a_dropped_request_applies_nothing()
    {
        await Fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropRequest, Method: "PATCH", Nth: 1));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Api.CallPatchAsync("customers/1", new JsonObject { ["city"] = "Svolvær" }));
        Assert.NotEqual("Svolvær", (string?)(await Api.CallGetAsync("customers/1")).Body["city"]);
    }
}
