using System.Text.Json.Nodes;
using Tolk.Emulation.Faults;

namespace Tolk.Asana.Tests.Emulator;

public sealed class FaultTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(402, "This feature is only available to premium users.")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "Not Found")]
    [InlineData(451, "This request is unavailable for legal reasons.")]
    public async Task a_status_fault_answers_in_asanas_error_format(int status, string message)
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Path: "/api/1.0/users/me", Nth: 1, Status: status));
        (await fixture.Api.GetAsync("users/me")).AssertError(status, message);
        (await fixture.Api.GetAsync("users/me")).AssertOk();
    }

    [Theory]
    [InlineData(500, "Server Error")]
    [InlineData(503, "Service Unavailable. Asana is temporarily unable to handle the request; please try again later.")]
    [InlineData(504, "This request took too long to complete.")]
    public async Task a_server_error_fault_carries_a_support_phrase(int status, string message)
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: status));
        var response = (await fixture.Api.GetAsync("workspaces")).AssertError(status, message, help: false);
        var phrase = (string)response.Json!["errors"]![0]!["phrase"]!;
        Assert.Matches("^[0-9]+ [a-z]+ [a-z]+ [a-z]+ [a-z]+$", phrase);
    }

    [Fact]
    public async Task a_fault_message_overrides_the_default()
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 403, Message: "You do not have access to this project."));
        (await fixture.Api.GetAsync("workspaces")).AssertError(403, "You do not have access to this project.");
    }

    [Fact]
    public async Task a_429_fault_signals_the_rate_limit_as_asana_does()
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 429, RetryAfterSeconds: 17));
        var response = (await fixture.Api.GetAsync("workspaces")).AssertError(429,
            "You've made too many requests and hit a rate limit. Please retry after the given amount of time.", help: false);
        Assert.Equal("17", response.Headers["Retry-After"]);
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 429));
        Assert.Equal("30", (await fixture.Api.GetAsync("workspaces")).Headers["Retry-After"]);
    }

    [Fact]
    public async Task a_412_fault_hands_out_a_fresh_sync_token()
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Nth: 1, Status: 412));
        var response = await fixture.Api.GetAsync("events?resource=1204000000000000");
        Assert.Equal(412, response.Code);
        var sync = (string)response.Json!["sync"]!;
        (await fixture.Api.GetAsync($"events?resource=1204000000000000&sync={sync}")).AssertOk();
    }

    [Fact]
    public async Task a_lost_response_applies_the_write_but_the_client_sees_the_connection_drop()
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Path: "/api/1.0/tasks", Nth: 1));
        await Assert.ThrowsAsync<HttpRequestException>(() => fixture.Api.PostAsync("tasks", AsanaClient.Data(new { name = "Tapt svar", workspace = "1201000000000000" })));
        var tasks = await fixture.Server.Admin.ListAsync("tasks");
        Assert.Contains(tasks, t => (string?)t["name"] == "Tapt svar");
    }

    [Fact]
    public async Task a_dropped_request_is_not_applied()
    {
        await fixture.Server.Admin.AddFaultAsync(new FaultRule(FaultActions.DropRequest, Method: "POST", Nth: 1));
        await Assert.ThrowsAsync<HttpRequestException>(() => fixture.Api.PostAsync("tasks", AsanaClient.Data(new { name = "Aldri", workspace = "1201000000000000" })));
        Assert.DoesNotContain(await fixture.Server.Admin.ListAsync("tasks"), t => (string?)t["name"] == "Aldri");
    }

    [Fact]
    public async Task the_admin_channel_shows_records_in_the_apis_own_shape()
    {
        var stored = await fixture.Server.Admin.GetAsync("tasks", "1205000000000000");
        var api = (await fixture.Api.GetAsync("tasks/1205000000000000?opt_fields=name,notes,due_on,html_notes,assignee,projects")).AssertOk().Data!;
        foreach (var field in new[] { "name", "notes", "due_on", "html_notes" })
        {
            Assert.Equal(api[field]?.ToJsonString(), stored![field]?.ToJsonString());
        }
        Assert.Equal(JsonNode.Parse("{}")!.GetValueKind(), stored!["workspace"]!.GetValueKind());
    }
}
