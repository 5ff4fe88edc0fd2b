using System.Net;
using Tolk.Emulation.Faults;

namespace Tolk.Tidsbanken.Tests.Emulator;

/// <summary>Injected faults answer in Tidsbanken's own formats; lost responses and requests behave as on a real network.</summary>
public sealed class FaultTests(TidsbankenFixture fixture) : IClassFixture<TidsbankenFixture>
{
    [Theory]
    [InlineData(503, "Service Unavailable")]
    [InlineData(502, "Bad Gateway")]
    [InlineData(504, "Gateway Timeout")]
    public async Task a_gateway_status_fault_is_in_the_gateways_shape(int status, string message)
    {
        await fixture.ResetAsync();
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "GET", Path: "/prosjekt/Kunde", Nth: 1, Status: status));
        Assert.Equal(message, (await fixture.GetAsync("prosjekt/Kunde")).AssertGatewayError(status));
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("prosjekt/Kunde")).Status);
    }

    [Fact]
    public async Task a_500_fault_is_an_odata_error()
    {
        await fixture.ResetAsync();
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 500));
        Assert.Equal("An error has occurred.", (await fixture.GetAsync("ansatt/ansatt")).AssertODataError(500, "InternalServerError"));
    }

    [Fact]
    public async Task a_4xx_fault_with_a_message_is_an_odata_error_with_that_message()
    {
        await fixture.ResetAsync();
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 409, Message: "Låst av en annen bruker."));
        Assert.Equal("Låst av en annen bruker.", (await fixture.PutAsync("ansatt/ansatt", """[{"Id":100}]""")).AssertODataError(409, "Conflict"));
    }

    [Fact]
    public async Task a_429_fault_signals_like_the_rate_limit_with_the_rules_retry_after()
    {
        await fixture.ResetAsync();
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 429, RetryAfterSeconds: 7));
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 2, Status: 429));
        var first = await fixture.GetAsync("prosjekt/Kunde");
        Assert.Equal("Rate limit is exceeded. Try again in 7 seconds.", first.AssertGatewayError(429));
        Assert.Equal("7", first.Headers["Retry-After"]);
        var second = await fixture.GetAsync("prosjekt/Kunde");
        Assert.Equal("Rate limit is exceeded. Try again in 1 seconds.", second.AssertGatewayError(429));
        Assert.Equal("1", second.Headers["Retry-After"]);
    }

    [Fact]
    public async Task a_lost_response_applies_the_insert_but_the_client_sees_the_connection_drop()
    {
        await fixture.ResetAsync();
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Path: "/prosjekt/Kunde", Nth: 1));
        await Assert.ThrowsAsync<HttpRequestException>(() => fixture.PostAsync("prosjekt/Kunde", """[{"Id":"K6000","Navn":"Tapt svar AS"}]"""));
        Assert.NotNull(await fixture.Server.Admin.GetAsync("Kunde", "K6000"));
        (await fixture.PostAsync("prosjekt/Kunde", """[{"Id":"K6000","Navn":"Tapt svar AS"}]""")).AssertODataError(409);
        Assert.Single(await fixture.ListAsync("prosjekt/Kunde?$filter=Id eq 'K6000'"));
    }

    [Fact]
    public async Task a_dropped_request_is_not_applied()
    {
        await fixture.ResetAsync();
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropRequest, Method: "PUT", Nth: 1));
        await Assert.ThrowsAsync<HttpRequestException>(() => fixture.PutAsync("ansatt/ansatt", """[{"Id":100,"Tittel":"Aldri"}]"""));
        Assert.NotEqual("Aldri", (string?)(await fixture.Server.Admin.GetAsync("Ansatt", "100"))!["Tittel"]);
    }
}
