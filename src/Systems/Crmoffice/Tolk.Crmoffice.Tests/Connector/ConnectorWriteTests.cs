using System.Text.Json.Nodes;
using Tolk.Connectors;
using Tolk.Emulation.Faults;

namespace Tolk.Crmoffice.Tests.Connector;

public sealed class ConnectorWriteTests(CrmofficeConnectorFixture fixture) : ConnectorTestBase(fixture)
{
    private static JsonObject Contact(string email) => new() { ["givenName"] = "Kari", ["familyName"] = "Nordmann", ["email"] = email };

    [Fact]
    public async Task a_missing_required_field_is_rejected_naming_the_field()
    {
        using var connector = Fixture.Create();
        var outcome = await connector.CreateAsync("company", new CreateRequest(new JsonObject { ["email"] = "a@b.no" }, "k1"), default);
        Assert.Equal(FailureKind.Rejected, outcome.Failure!.Kind);
        Assert.Equal("name", outcome.Failure.Field);
        Assert.Contains("validation_error", outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_taken_org_number_is_a_conflict_on_org_nr()
    {
        using var connector = Fixture.Create();
        var taken = (await Fixture.Emulator.Admin.ListAsync("companies")).First(c => c["orgNr"] is not null);
        var outcome = await connector.CreateAsync("company",
            new CreateRequest(new JsonObject { ["name"] = "Kopi AS", ["orgNr"] = (string)taken["orgNr"]! }, "k2"), default);
        Assert.Equal(FailureKind.Conflict, outcome.Failure!.Kind);
        Assert.Equal("orgNr", outcome.Failure.Field);
    }

    [Fact]
    public async Task updating_or_deleting_a_missing_record_is_not_found()
    {
        using var connector = Fixture.Create();
        Assert.Equal(FailureKind.NotFound, (await connector.UpdateAsync("contact", "CT-999999", new JsonObject { ["title"] = "x" }, default)).Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, (await connector.DeleteAsync("activity", "AC-999999", default)).Failure!.Kind);
    }

    [Fact]
    public async Task deleting_a_company_others_refer_to_is_a_conflict()
    {
        using var connector = Fixture.Create();
        var referenced = (string)(await Fixture.Emulator.Admin.ListAsync("contacts")).First(c => c["companyId"] is not null)["companyId"]!;
        Assert.Equal(FailureKind.Conflict, (await connector.DeleteAsync("company", referenced, default)).Failure!.Kind);
    }

    [Fact]
    public async Task users_cannot_be_written_and_no_call_is_made_to_find_out()
    {
        using var connector = Fixture.Create();
        var before = await CallsAsync();
        Assert.Equal(FailureKind.NotSupported, (await connector.CreateAsync("user", new CreateRequest(new JsonObject { ["name"] = "x" }, "k"), default)).Failure!.Kind);
        Assert.Equal(FailureKind.NotSupported, (await connector.UpdateAsync("user", "US-000001", new JsonObject { ["name"] = "x" }, default)).Failure!.Kind);
        Assert.Equal(FailureKind.NotSupported, (await connector.DeleteAsync("user", "US-000001", default)).Failure!.Kind);
        Assert.Equal(before, await CallsAsync());
    }

    [Fact]
    public async Task persistent_429_and_503_become_rate_limited_and_unavailable()
    {
        using var connector = Fixture.Create(configure: o => o with { MaxRetries = 0 });
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PUT", Nth: 1, Status: 429, RetryAfterSeconds: 7));
        var limited = await connector.UpdateAsync("contact", "CT-000001", new JsonObject { ["title"] = "x" }, default);
        Assert.Equal(FailureKind.RateLimited, limited.Failure!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Failure.RetryAfter);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PUT", Nth: 1, Status: 503));
        var down = await connector.UpdateAsync("contact", "CT-000001", new JsonObject { ["title"] = "x" }, default);
        Assert.Equal(FailureKind.Unavailable, down.Failure!.Kind);
    }

    [Fact]
    public async Task a_transient_503_on_an_update_is_retried_and_succeeds()
    {
        using var connector = Fixture.Create();
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "PUT", Nth: 1, Status: 503));
        var outcome = await connector.UpdateAsync("contact", "CT-000001", new JsonObject { ["title"] = "Daglig leder" }, default);
        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal("Daglig leder", (string?)outcome.Record!.Properties["title"]);
    }

    [Fact]
    public async Task writes_with_rejected_credentials_are_credentials_rejected()
    {
        using var connector = Fixture.Create(badCredentials: true);
        var outcome = await connector.CreateAsync("contact", new CreateRequest(Contact("x@y.no"), "k"), default);
        Assert.Equal(FailureKind.CredentialsRejected, outcome.Failure!.Kind);
        Assert.Contains("credentials rejected for crmoffice", outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_create_whose_response_is_lost_is_recovered_inside_create_by_its_match_fields()
    {
        using var connector = Fixture.Create();
        await ReadAllAsync(connector, "company", ConnectorCursor.None); // the token is fetched, so the fault hits the create
        var before = await Fixture.ExpectedIdsAsync("company");
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Path: "/companies", Nth: 1));
        var write = Fixture.WriteCase;
        var outcome = await connector.CreateAsync("company", new CreateRequest(write.Create, "k3", write.MatchFields), default);
        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        var created = Assert.Single((await Fixture.ExpectedIdsAsync("company")).Except(before));
        Assert.Equal(created, outcome.Record!.Id);
    }

    [Fact]
    public async Task a_lost_contact_create_is_found_by_all_its_fields_and_an_older_namesake_is_not()
    {
        using var connector = Fixture.Create();
        var namesake = await connector.CreateAsync("contact", new CreateRequest(Contact("kari@nordmann.no"), "old"), default);
        var request = new CreateRequest(Contact("kari@nordmann.no"), "new");
        Assert.Null(await connector.FindCreatedAsync("contact", request with { Properties = Contact("someone@else.no") }, default));
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropResponse, Method: "POST", Path: "/contacts", Nth: 1));
        var outcome = await connector.CreateAsync("contact", request, default);
        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.NotEqual(namesake.Record!.Id, outcome.Record!.Id); // the newest match is ours
        Assert.Equal(outcome.Record.Id, (await connector.FindCreatedAsync("contact", request, default))!.Id);
    }

    [Fact]
    public async Task a_create_dropped_before_it_was_applied_is_reported_so_it_can_be_made_again()
    {
        using var connector = Fixture.Create();
        await ReadAllAsync(connector, "user", ConnectorCursor.None);
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.DropRequest, Method: "POST", Path: "/contacts", Nth: 1));
        var request = new CreateRequest(Contact("ny@kontakt.no"), "k4");
        var outcome = await connector.CreateAsync("contact", request, default);
        Assert.Equal(FailureKind.Unavailable, outcome.Failure!.Kind);
        Assert.Null(await connector.FindCreatedAsync("contact", request, default));
        Assert.True((await connector.CreateAsync("contact", request, default)).Succeeded);
    }

    [Fact]
    public async Task a_create_answered_500_is_not_retried_and_not_reported_as_new()
    {
        using var connector = Fixture.Create();
        await Fixture.Emulator.Admin.AddFaultAsync(new FaultRule(FaultActions.Status, Method: "POST", Path: "/contacts", Nth: 1, Status: 500));
        var outcome = await connector.CreateAsync("contact", new CreateRequest(Contact("fem@hundre.no"), "k5"), default);
        Assert.Equal(FailureKind.Unavailable, outcome.Failure!.Kind); // the fault refused it before it was applied
        var posts = (await Fixture.Emulator.Admin.CallsAsync()).Calls.Count(c => c.Method == "POST" && c.Path == "/contacts");
        Assert.Equal(1, posts);
    }
}
