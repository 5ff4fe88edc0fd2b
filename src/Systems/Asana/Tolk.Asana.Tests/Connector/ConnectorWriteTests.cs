using System.Text.Json.Nodes;
using Tolk.Asana.Emulator;
using Tolk.Asana.Emulator.Internal;
using Tolk.Connectors;
using Tolk.Emulation.Faults;

namespace Tolk.Asana.Tests.Connector;

public sealed class ConnectorWriteTests(AsanaConnectorFixture fixture) : AsanaConnectorTests(fixture)
{
    private static readonly string MissingTask = Gids.For(ResourceTypes.Task, 999_999);

    [Fact]
    public void datatypes_declare_what_asana_can_do_with_them()
    {
        using var connector = Fixture.Create();
        var can = connector.Datatypes.ToDictionary(d => d.Name, d => d.Capabilities);
        Assert.Equal(Capabilities.Update | Capabilities.Webhooks | Capabilities.ReadById, can["workspace"]);
        Assert.Equal(Capabilities.Update | Capabilities.Webhooks | Capabilities.ReadById, can["user"]);
        Assert.Equal(Capabilities.Create | Capabilities.Update | Capabilities.Webhooks | Capabilities.ReadById, can["team"]);
        Assert.Equal(Capabilities.Create | Capabilities.Update | Capabilities.Delete | Capabilities.Webhooks | Capabilities.ReadById, can["project"]);
        Assert.Equal(Capabilities.Create | Capabilities.Update | Capabilities.Delete | Capabilities.Webhooks | Capabilities.ReadById, can["task"]);
    }

    [Theory]
    [InlineData("workspace", "create")]
    [InlineData("user", "create")]
    [InlineData("team", "delete")]
    [InlineData("workspace", "delete")]
    public async Task what_asana_cannot_do_fails_as_not_supported_without_a_call(string datatype, string operation)
    {
        using var connector = Fixture.Create();
        WriteOutcome outcome = null!;
        var calls = await CallsDuringAsync(async () => outcome = operation == "create"
            ? await connector.CreateAsync(datatype, new CreateRequest(new JsonObject { ["name"] = "x" }, "k"), default)
            : await connector.DeleteAsync(datatype, Gids.For(datatype, 0), default));
        Assert.Equal(FailureKind.NotSupported, outcome.Failure?.Kind);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task an_unknown_reference_is_rejected_naming_the_field()
    {
        using var connector = Fixture.Create();
        var outcome = await connector.UpdateAsync("task", Gids.For(ResourceTypes.Task, 0), new JsonObject { ["assignee"] = Gids.For(ResourceTypes.User, 9999) }, default);
        Assert.Equal(FailureKind.Rejected, outcome.Failure?.Kind);
        Assert.Equal("assignee", outcome.Failure?.Field);
        Assert.Contains("assignee", outcome.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_read_only_field_is_rejected_naming_the_field()
    {
        using var connector = Fixture.Create();
        var outcome = await connector.UpdateAsync("user", Gids.For(ResourceTypes.User, 0), new JsonObject { ["email"] = "ny@tolkdemo.no" }, default);
        Assert.Equal(FailureKind.Rejected, outcome.Failure?.Kind);
        Assert.Equal("email", outcome.Failure?.Field);
    }

    [Fact]
    public async Task a_missing_required_field_is_rejected_naming_the_field()
    {
        using var connector = Fixture.Create();
        var outcome = await connector.CreateAsync("team", new CreateRequest(new JsonObject { ["name"] = "Nytt team" }, "k"), default);
        Assert.Equal(FailureKind.Rejected, outcome.Failure?.Kind);
        Assert.Equal("organization", outcome.Failure?.Field);
    }

    [Fact]
    public async Task a_write_to_a_missing_record_fails_as_not_found()
    {
        using var connector = Fixture.Create();
        Assert.Equal(FailureKind.NotFound, (await connector.UpdateAsync("task", MissingTask, new JsonObject { ["name"] = "x" }, default)).Failure?.Kind);
        Assert.Equal(FailureKind.NotFound, (await connector.DeleteAsync("task", MissingTask, default)).Failure?.Kind);
    }

    [Fact]
    public async Task a_rate_limit_that_outlasts_the_retries_fails_as_rate_limited_with_the_wait()
    {
        using var connector = Fixture.Create(adjust: o => o with { MaxRetries = 1 });
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PUT", Status: 429, Probability: 1.0, RetryAfterSeconds: 2, Times: 5));
        var outcome = await connector.UpdateAsync("task", Gids.For(ResourceTypes.Task, 0), new JsonObject { ["name"] = "x" }, default);
        Assert.Equal(FailureKind.RateLimited, outcome.Failure?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(2), outcome.Failure?.RetryAfter);
    }

    [Fact]
    public async Task a_server_that_keeps_failing_fails_as_unavailable_with_asanas_phrase()
    {
        using var connector = Fixture.Create(adjust: o => o with { MaxRetries = 1 });
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PUT", Status: 500, Probability: 1.0, Times: 5));
        var outcome = await connector.UpdateAsync("task", Gids.For(ResourceTypes.Task, 0), new JsonObject { ["name"] = "x" }, default);
        Assert.Equal(FailureKind.Unavailable, outcome.Failure?.Kind);
        Assert.Contains("500", outcome.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_rejected_token_fails_every_write_with_the_guards_message_and_makes_one_call()
    {
        using var connector = Fixture.Create(badCredentials: true);
        WriteOutcome first = null!, second = null!;
        var calls = await CallsDuringAsync(async () =>
        {
            first = await connector.UpdateAsync("task", Gids.For(ResourceTypes.Task, 0), new JsonObject { ["name"] = "x" }, default);
            second = await connector.DeleteAsync("task", Gids.For(ResourceTypes.Task, 0), default);
        });
        Assert.Equal(FailureKind.CredentialsRejected, first.Failure?.Kind);
        Assert.Equal(FailureKind.CredentialsRejected, second.Failure?.Kind);
        Assert.StartsWith("credentials rejected for asana: ", second.Failure?.Message, StringComparison.Ordinal);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task moving_a_task_between_projects_goes_through_add_project_and_remove_project()
    {
        using var connector = Fixture.Create();
        var task = Gids.For(ResourceTypes.Task, 0);
        var other = Gids.For(ResourceTypes.Project, 1);
        var outcome = await connector.UpdateAsync("task", task, new JsonObject { ["projects"] = new JsonArray(other), ["notes"] = "Flyttet" }, default);
        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(new JsonArray(other).ToJsonString(), outcome.Record!.Properties["projects"]!.ToJsonString());
        Assert.Equal("Flyttet", (string?)outcome.Record.Properties["notes"]);
    }

    [Fact]
    public async Task a_lost_project_create_is_found_by_its_fields_instead_of_made_twice()
    {
        using var connector = Fixture.Create();
        var workspace = Gids.For(ResourceTypes.Workspace, 0);
        var team = Gids.For(ResourceTypes.Team, 0);
        var request = new CreateRequest(new JsonObject { ["name"] = "Tapt svar", ["workspace"] = workspace, ["team"] = team }, "key-1");
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Nth: 1));

        var outcome = await connector.CreateAsync("project", request, default);

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        var named = (await Fixture.Emulator.Admin.ListAsync("projects")).Where(p => (string?)p["name"] == "Tapt svar").ToList();
        Assert.Equal((string)Assert.Single(named)["gid"]!, outcome.Record!.Id);
        Assert.Equal(outcome.Record.Id, (await connector.FindCreatedAsync("project", request, default))?.Id);
    }

    [Fact]
    public async Task find_created_answers_null_when_the_create_never_happened()
    {
        using var connector = Fixture.Create();
        var request = new CreateRequest(new JsonObject { ["name"] = "Aldri laget", ["projects"] = new JsonArray(AsanaConnectorFixture.FirstProject) }, "key-2");
        Assert.Null(await connector.FindCreatedAsync("task", request, default));
        Assert.Equal(AsanaEmulator.PersonalAccessToken, Fixture.Emulator.Emulator.Credentials["personal_access_token"]);
    }
}
