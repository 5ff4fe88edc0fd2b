using System.Text.Json.Nodes;
using Tolk.Emulation.Faults;

namespace Tolk.Crmoffice.Tests.Emulator;

public sealed class FaultTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>, IAsyncLifetime
{
    private CrmApi Api => fixture.Api;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(500, "internal_error")]
    [InlineData(503, "service_unavailable")]
    [InlineData(409, "conflict")]
    [InlineData(401, "invalid_token")]
    public async Task an_injected_status_answers_in_crmoffices_error_format(int status, string error)
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Path: "/companies", Nth: 1, Status: status));
        (await Api.GetAsync("companies")).AssertError(status, error);
        Assert.Equal(200, (await Api.GetAsync("companies")).Status);
    }

    [Fact]
    public async Task an_injected_429_carries_retry_after_as_the_real_limit_does()
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 429, RetryAfterSeconds: 7));
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 2, Status: 429));
        var first = await Api.GetAsync("contacts");
        first.AssertError(429, "rate_limited");
        Assert.Equal("7", first.Headers["Retry-After"]);
        var second = await Api.GetAsync("contacts");
        second.AssertError(429, "rate_limited");
        Assert.Equal("1", second.Headers["Retry-After"]);
    }

    [Fact]
    public async Task a_dropped_response_applies_the_write_but_the_client_sees_an_exception()
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Path: "/companies", Nth: 1));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Api.PostAsync("companies", new JsonObject { ["name"] = "Tapt Svar AS" }));
        var stored = Assert.Single(await fixture.Server.Admin.ListAsync("companies"), c => (string?)c["name"] == "Tapt Svar AS");
        var listed = (await Api.GetAsync("companies?limit=250")).Body!["items"]!.AsArray();
        Assert.Contains(listed, c => (string?)c!["id"] == (string?)stored["id"]);
    }

    [Fact]
    public async Task a_dropped_request_applies_nothing()
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropRequest, Method: "PUT", Nth: 1));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Api.PutAsync("companies/CO-000001", new JsonObject { ["name"] = "Endret AS" }));
        Assert.NotEqual("Endret AS", (string?)(await fixture.Server.Admin.GetAsync("companies", "CO-000001"))!["name"]);
    }
}
