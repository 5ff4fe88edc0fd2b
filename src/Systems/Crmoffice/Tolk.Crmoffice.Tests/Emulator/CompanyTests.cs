using System.Text.Json.Nodes;

namespace Tolk.Crmoffice.Tests.Emulator;

public sealed class CompanyTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>, IAsyncLifetime
{
    private CrmApi Api => fixture.Api;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonObject Fjordkraft() => new()
    {
        ["name"] = "Fjordkraft Regnskap AS",
        ["orgNr"] = "912345674",
        ["email"] = "post@fjordkraft-regnskap.no",
        ["phone"] = "+47 55 12 34 56",
        ["website"] = "https://www.fjordkraft-regnskap.no",
        ["address"] = new JsonObject { ["street"] = "Bryggen 3", ["postalCode"] = "5003", ["city"] = "Bergen", ["country"] = "NO" },
        ["description"] = "Ny kunde.",
        ["category"] = "prospect",
        ["isActive"] = true,
    };

    [Fact]
    public async Task create_answers_201_with_the_full_record_a_server_id_a_location_and_oslo_timestamps()
    {
        var response = await Api.PostAsync("companies", Fjordkraft());
        Assert.Equal(201, response.Status);
        var id = (string)response.Body!["id"]!;
        Assert.Matches(@"^CO-\d{6}$", id);
        Assert.Equal("/companies/" + id, response.Headers["Location"]);
        Assert.Equal(
            ["id", "name", "orgNr", "email", "phone", "website", "address", "description", "category", "isActive", "createdAt", "updatedAt"],
            response.Json.Select(p => p.Key));
        Assert.Equal(fixture.Now, (string?)response.Body["createdAt"]);
        Assert.Equal(fixture.Now, (string?)response.Body["updatedAt"]);
        Assert.EndsWith("+01:00", fixture.Now, StringComparison.Ordinal);
        Assert.Equal("Bergen", (string?)response.Body["address"]!["city"]);
        var fetched = await Api.GetAsync("companies/" + id);
        Assert.Equal(response.Raw, fetched.Raw);
    }

    [Fact]
    public async Task ids_are_assigned_in_sequence_and_never_reused()
    {
        var first = (string)(await Api.PostAsync("companies", new JsonObject { ["name"] = "A AS" })).Body!["id"]!;
        Assert.Equal(204, (await Api.DeleteAsync("companies/" + first)).Status);
        var second = (string)(await Api.PostAsync("companies", new JsonObject { ["name"] = "B AS" })).Body!["id"]!;
        Assert.Equal(int.Parse(first[3..]) + 1, int.Parse(second[3..]));
    }

    [Fact]
    public async Task create_with_only_the_name_fills_the_rest_with_null_and_isActive_true()
    {
        var body = (await Api.PostAsync("companies", new JsonObject { ["name"] = "Bare Navn AS" })).Body!;
        Assert.Null(body["orgNr"]);
        Assert.Null(body["category"]);
        Assert.True((bool)body["isActive"]!);
        Assert.Equal(["street", "postalCode", "city", "country"], body["address"]!.AsObject().Select(p => p.Key));
        Assert.All(body["address"]!.AsObject(), p => Assert.Null(p.Value));
    }

    [Fact]
    public async Task put_changes_only_the_fields_present_and_moves_updatedAt()
    {
        var created = (await Api.PostAsync("companies", Fjordkraft())).Json;
        var id = (string)created["id"]!;
        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var response = await Api.PutAsync("companies/" + id, new JsonObject { ["phone"] = "+47 55 99 99 99" });
        Assert.Equal(200, response.Status);
        Assert.Equal("+47 55 99 99 99", (string?)response.Body!["phone"]);
        Assert.Equal(fixture.Now, (string?)response.Body["updatedAt"]);
        Assert.NotEqual((string?)created["updatedAt"], fixture.Now);
        Assert.Equal((string?)created["createdAt"], (string?)response.Body["createdAt"]);
        foreach (var key in new[] { "name", "orgNr", "email", "website", "address", "description", "category", "isActive" })
        {
            Assert.Equal(created[key]!.ToJsonString(), response.Body[key]!.ToJsonString());
        }
    }

    [Fact]
    public async Task put_with_null_clears_optional_fields()
    {
        var id = (string)(await Api.PostAsync("companies", Fjordkraft())).Body!["id"]!;
        var body = (await Api.PutAsync("companies/" + id, new JsonObject { ["email"] = null, ["orgNr"] = null, ["category"] = null })).Body!;
        Assert.Null(body["email"]);
        Assert.Null(body["orgNr"]);
        Assert.Null(body["category"]);
        Assert.Equal("Fjordkraft Regnskap AS", (string?)body["name"]);
    }

    [Fact]
    public async Task put_merges_address_field_by_field_and_null_clears_all_of_it()
    {
        var id = (string)(await Api.PostAsync("companies", Fjordkraft())).Body!["id"]!;
        var merged = (await Api.PutAsync("companies/" + id, new JsonObject { ["address"] = new JsonObject { ["city"] = "Oslo", ["street"] = null } })).Body!;
        Assert.Equal("""{"street":null,"postalCode":"5003","city":"Oslo","country":"NO"}""", merged["address"]!.ToJsonString());
        var cleared = (await Api.PutAsync("companies/" + id, new JsonObject { ["address"] = null })).Body!;
        Assert.Equal("""{"street":null,"postalCode":null,"city":null,"country":null}""", cleared["address"]!.ToJsonString());
    }

    [Fact]
    public async Task an_empty_put_changes_nothing_but_still_moves_updatedAt()
    {
        var before = (await Api.GetAsync("companies/CO-000002")).Json;
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        var after = (await Api.PutAsync("companies/CO-000002", new JsonObject())).Json;
        Assert.Equal(fixture.Now, (string?)after["updatedAt"]);
        before.Remove("updatedAt");
        after.Remove("updatedAt");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task put_cannot_null_the_required_name() =>
        (await Api.PutAsync("companies/CO-000001", new JsonObject { ["name"] = null })).AssertInvalidField("name");

    [Fact]
    public async Task a_duplicate_orgNr_gets_409_conflict_on_create_and_on_put()
    {
        var existing = (await fixture.Server.Admin.ListAsync("companies")).First(c => c["orgNr"] is not null);
        var orgNr = (string)existing["orgNr"]!;
        var created = await Api.PostAsync("companies", new JsonObject { ["name"] = "Copycat AS", ["orgNr"] = orgNr });
        var details = created.AssertError(409, "conflict");
        Assert.Equal("orgNr", (string?)Assert.Single(details)!["field"]);
        var other = (string)(await Api.PostAsync("companies", new JsonObject { ["name"] = "Other AS" })).Body!["id"]!;
        (await Api.PutAsync("companies/" + other, new JsonObject { ["orgNr"] = orgNr })).AssertError(409, "conflict");
        Assert.Equal(200, (await Api.PutAsync("companies/" + existing["id"], new JsonObject { ["orgNr"] = orgNr })).Status);
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("prospect")]
    [InlineData("partner")]
    [InlineData("supplier")]
    [InlineData("product")]
    public async Task every_category_of_the_spec_is_accepted(string category) =>
        Assert.Equal(201, (await Api.PostAsync("companies", new JsonObject { ["name"] = "X AS", ["category"] = category })).Status);

    [Fact]
    public async Task delete_answers_204_and_the_company_is_gone()
    {
        var id = (string)(await Api.PostAsync("companies", Fjordkraft())).Body!["id"]!;
        var response = await Api.DeleteAsync("companies/" + id);
        Assert.Equal(204, response.Status);
        Assert.Empty(response.Raw);
        (await Api.GetAsync("companies/" + id)).AssertError(404, "not_found");
        (await Api.DeleteAsync("companies/" + id)).AssertError(404, "not_found");
    }

    [Fact]
    public async Task a_company_that_contacts_refer_to_cannot_be_deleted()
    {
        var contact = (await fixture.Server.Admin.ListAsync("contacts")).First(c => c["companyId"] is not null);
        var response = await Api.DeleteAsync("companies/" + contact["companyId"]);
        response.AssertError(409, "conflict");
        Assert.Equal(200, (await Api.GetAsync("companies/" + contact["companyId"])).Status);
    }

    [Theory]
    [InlineData("companies/CO-999999")]
    [InlineData("companies/CT-000001")]
    [InlineData("companies/not-an-id")]
    [InlineData("companies/co-000001")]
    public async Task an_unknown_or_malformed_id_gets_404_not_found(string path)
    {
        (await Api.GetAsync(path)).AssertError(404, "not_found");
        (await Api.PutAsync(path, new JsonObject { ["name"] = "X" })).AssertError(404, "not_found");
        (await Api.DeleteAsync(path)).AssertError(404, "not_found");
    }
}
