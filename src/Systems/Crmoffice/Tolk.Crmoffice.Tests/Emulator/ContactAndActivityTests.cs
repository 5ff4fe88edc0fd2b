using System.Text.Json.Nodes;

namespace Tolk.Crmoffice.Tests.Emulator;

public sealed class ContactAndActivityTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>, IAsyncLifetime
{
    private CrmApi Api => fixture.Api;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_contact_is_created_with_the_spec_fields_in_order()
    {
        var response = await Api.PostAsync("contacts", new JsonObject
        {
            ["companyId"] = "CO-000001",
            ["givenName"] = "Åse",
            ["familyName"] = "Ødegård",
            ["email"] = "ase.odegard@example.no",
            ["mobilePhone"] = "+47 912 34 567",
            ["title"] = "Daglig leder",
        });
        Assert.Equal(201, response.Status);
        Assert.Matches(@"^CT-\d{6}$", (string?)response.Body!["id"]);
        Assert.Equal(
            ["id", "companyId", "givenName", "familyName", "email", "phone", "mobilePhone", "title", "isActive", "createdAt", "updatedAt"],
            response.Json.Select(p => p.Key));
        Assert.Equal("Åse", (string?)response.Body["givenName"]);
        Assert.True((bool)response.Body["isActive"]!);
    }

    [Fact]
    public async Task a_contact_needs_both_names() =>
        Assert.Equal(["familyName", "givenName"], (await Api.PostAsync("contacts", new JsonObject { ["email"] = "x@y.no" }))
            .AssertError(400, "validation_error").Select(d => (string)d!["field"]!).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("CO-999999")]
    [InlineData("CT-000001")]
    [InlineData("12")]
    public async Task a_contact_with_an_unknown_or_wrong_company_reference_gets_400(string companyId) =>
        (await Api.PostAsync("contacts", new JsonObject { ["givenName"] = "A", ["familyName"] = "B", ["companyId"] = companyId }))
            .AssertInvalidField("companyId");

    [Fact]
    public async Task an_activity_is_created_with_date_times_in_the_oslo_offset()
    {
        var response = await Api.PostAsync("activities", new JsonObject
        {
            ["type"] = "meeting",
            ["subject"] = "Møte: Kartlegg datamodell",
            ["startsAt"] = "2026-03-02T08:00:00Z",
            ["endsAt"] = "2026-07-01T10:30:00+02:00",
            ["ownerId"] = "US-000001",
            ["companyId"] = "CO-000001",
        });
        Assert.Equal(201, response.Status);
        Assert.Equal(
            ["id", "type", "subject", "description", "startsAt", "endsAt", "completed", "ownerId", "companyId", "contactId", "createdAt", "updatedAt"],
            response.Json.Select(p => p.Key));
        Assert.Equal("2026-03-02T09:00:00+01:00", (string?)response.Body!["startsAt"]);
        Assert.Equal("2026-07-01T10:30:00+02:00", (string?)response.Body["endsAt"]);
        Assert.False((bool)response.Body["completed"]!);
    }

    [Theory]
    [InlineData("meeting")]
    [InlineData("call")]
    [InlineData("task")]
    [InlineData("note")]
    [InlineData("project")]
    public async Task every_activity_type_of_the_spec_is_accepted(string type) =>
        Assert.Equal(201, (await Api.PostAsync("activities", new JsonObject { ["type"] = type, ["subject"] = "S" })).Status);

    [Theory]
    [InlineData("type", "Meeting")]
    [InlineData("type", "email")]
    [InlineData("startsAt", "2026-03-02")]
    [InlineData("startsAt", "2026-03-02T08:00:00")]
    [InlineData("endsAt", "next week")]
    [InlineData("ownerId", "US-999999")]
    [InlineData("ownerId", "CT-000001")]
    [InlineData("contactId", "CT-999999")]
    [InlineData("companyId", "CO-999999")]
    public async Task an_activity_with_a_bad_value_gets_400_naming_the_field(string field, string value) =>
        (await Api.PutAsync("activities/AC-000001", new JsonObject { [field] = value })).AssertInvalidField(field);

    [Fact]
    public async Task put_on_an_activity_can_complete_it_and_clear_its_contact()
    {
        var id = (string)(await Api.PostAsync("activities", new JsonObject { ["type"] = "task", ["subject"] = "Ring kunden", ["contactId"] = "CT-000001" })).Body!["id"]!;
        var body = (await Api.PutAsync("activities/" + id, new JsonObject { ["completed"] = true, ["contactId"] = null })).Body!;
        Assert.True((bool)body["completed"]!);
        Assert.Null(body["contactId"]);
        Assert.Equal("Ring kunden", (string?)body["subject"]);
    }

    [Fact]
    public async Task a_contact_an_activity_refers_to_cannot_be_deleted_until_the_activity_is()
    {
        var contact = (string)(await Api.PostAsync("contacts", new JsonObject { ["givenName"] = "A", ["familyName"] = "B" })).Body!["id"]!;
        var activity = (string)(await Api.PostAsync("activities", new JsonObject { ["type"] = "call", ["subject"] = "S", ["contactId"] = contact })).Body!["id"]!;
        (await Api.DeleteAsync("contacts/" + contact)).AssertError(409, "conflict");
        Assert.Equal(204, (await Api.DeleteAsync("activities/" + activity)).Status);
        Assert.Equal(204, (await Api.DeleteAsync("contacts/" + contact)).Status);
    }

    [Fact]
    public async Task users_can_be_listed_and_read_with_name_and_email()
    {
        var user = (await Api.GetAsync("users/US-000001")).Json;
        Assert.Equal(["id", "name", "email", "createdAt", "updatedAt"], user.Select(p => p.Key));
        Assert.Contains("@", (string?)user["email"], StringComparison.Ordinal);
        (await Api.GetAsync("users/US-999999")).AssertError(404, "not_found");
    }

    [Theory]
    [InlineData("POST", "users")]
    [InlineData("PUT", "users/US-000001")]
    [InlineData("DELETE", "users/US-000001")]
    [InlineData("PATCH", "users/US-000001")]
    public async Task users_are_read_only_and_writes_get_405(string method, string path)
    {
        var response = await Api.SendAsync(new HttpMethod(method), path, method is "DELETE" ? null : """{"name":"X"}""");
        response.AssertError(405, "method_not_allowed");
        Assert.Contains("GET", response.Headers["Allow"], StringComparison.Ordinal);
        Assert.Equal(200, (await Api.GetAsync("users/US-000001")).Status);
    }

    [Theory]
    [InlineData("PATCH", "companies/CO-000001")]
    [InlineData("PUT", "companies")]
    [InlineData("POST", "webhooks/WH-000001")]
    public async Task a_method_a_path_does_not_take_gets_405_in_the_error_format(string method, string path) =>
        (await Api.SendAsync(new HttpMethod(method), path, "{}")).AssertError(405, "method_not_allowed");

    [Theory]
    [InlineData("nothing-here")]
    [InlineData("companies/CO-000001/contacts")]
    [InlineData("v1/companies")]
    public async Task an_unknown_path_gets_404_in_the_error_format(string path) =>
        (await Api.GetAsync(path)).AssertError(404, "not_found");
}
