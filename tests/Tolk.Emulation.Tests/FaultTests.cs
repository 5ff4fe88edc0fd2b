using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tolk.Emulation.Faults;

namespace Tolk.Emulation.Tests;

public sealed class FaultTests(KernelFixture fixture) : IClassFixture<KernelFixture>
{
    [Fact]
    public async Task a_status_fault_on_the_nth_call_answers_in_the_systems_format_once()
    {
        await fixture.Server.Admin.ResetAsync();
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "GET", Path: "/api/notes", Nth: 2, Status: 503, RetryAfterSeconds: 4));
        using var first = await fixture.Api.GetAsync("notes");
        using var second = await fixture.Api.GetAsync("notes");
        using var third = await fixture.Api.GetAsync("notes");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("4", second.Headers.GetValues("Retry-After").Single());
        Assert.Contains("problem", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var calls = await fixture.Server.Admin.CallsAsync();
        Assert.NotNull(calls.Calls[1].Fault);
    }

    [Fact]
    public async Task a_lost_response_applies_the_write_but_the_client_sees_the_connection_drop()
    {
        await fixture.Server.Admin.ResetAsync();
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Path: "/api/notes", Nth: 1));
        await Assert.ThrowsAsync<HttpRequestException>(() => fixture.Api.PostAsJsonAsync("notes", new JsonObject { ["text"] = "lost" }));
        var notes = await fixture.Server.Admin.ListAsync("notes");
        Assert.Contains(notes, n => (string?)n["text"] == "lost");
    }

    [Fact]
    public async Task a_dropped_request_is_not_applied()
    {
        await fixture.Server.Admin.ResetAsync();
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropRequest, Method: "POST", Nth: 1));
        await Assert.ThrowsAsync<HttpRequestException>(() => fixture.Api.PostAsJsonAsync("notes", new JsonObject { ["text"] = "never" }));
        Assert.DoesNotContain(await fixture.Server.Admin.ListAsync("notes"), n => (string?)n["text"] == "never");
    }

    [Fact]
    public async Task a_fault_with_probability_one_fires_until_removed()
    {
        await fixture.Server.Admin.ResetAsync();
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Probability: 1, Status: 500));
        using var a = await fixture.Api.GetAsync("notes");
        using var b = await fixture.Api.GetAsync("notes");
        await fixture.Server.Admin.ClearFaultsAsync();
        using var c = await fixture.Api.GetAsync("notes");
        Assert.Equal([500, 500, 200], new[] { (int)a.StatusCode, (int)b.StatusCode, (int)c.StatusCode });
    }

    [Theory]
    [InlineData("{\"action\":\"explode\",\"nth\":1}", "action")]
    [InlineData("{\"action\":\"status\",\"nth\":1}", "status")]
    [InlineData("{\"action\":\"status\",\"status\":500}", "nth or probability")]
    [InlineData("{\"action\":\"drop\",\"target\":\"request\",\"nth\":1}", "action")]
    [InlineData("{\"action\":\"duplicate\",\"target\":\"somewhere\",\"nth\":1}", "target")]
    public async Task a_malformed_fault_rule_is_refused_naming_the_field(string json, string field)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(fixture.Server.HostUrl, "_emulator/faults"),
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
