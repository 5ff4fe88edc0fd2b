using System.Text.Json.Nodes;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class CollectionRulesTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    [Fact]
    public async Task contact_email_is_unique_ignoring_case_but_only_when_set()
    {
        var email = (string)(await Api.CallGetAsync("contacts/1")).Body["email"]!;
        var body = Records.Valid("contacts");
        body["email"] = email.ToUpperInvariant();
        ProblemAssert.Is(await Api.CallPostAsync("contacts", body), 409, "email");
        await Records.CreateAsync(Api, "contacts", new JsonObject { ["first_name"] = "Uten", ["last_name"] = "Epost" });
        await Records.CreateAsync(Api, "contacts", new JsonObject { ["first_name"] = "Uten", ["last_name"] = "Epost", ["email"] = null });
    }

    [Fact]
    public async Task a_reference_to_a_deleted_record_is_a_400_problem()
    {
        await Api.CallDeleteAsync("customers/3");
        var body = Records.Valid("contacts");
        body["customer_id"] = 3;
        var problem = ProblemAssert.Is(await Api.CallPostAsync("contacts", body), 400, "customer_id");
        Assert.Equal("customer 3 does not exist", (string)problem["errors"]!["customer_id"]![0]!);
        ProblemAssert.Is(await Api.CallPatchAsync("projects/1", new JsonObject { ["customer_id"] = 3 }), 400, "customer_id");
    }

    [Fact]
    public async Task a_reference_can_be_cleared_with_null()
    {
        var reply = await Api.CallPatchAsync("contacts/1", new JsonObject { ["customer_id"] = null });
        Assert.Equal(200, reply.Status);
        Assert.Null(reply.Body["customer_id"]);
    }

    [Fact]
    public async Task records_that_refer_to_a_deleted_record_keep_the_reference()
    {
        var contact = (await Api.CallGetAsync("contacts/1")).Body;
        await Api.CallDeleteAsync($"customers/{(int)contact["customer_id"]!}");
        Assert.Equal((int)contact["customer_id"]!, (int)(await Api.CallGetAsync("contacts/1")).Body["customer_id"]!);
    }

    [Fact]
    public async Task employee_email_and_employee_number_are_unique()
    {
        var employee = (await Api.CallGetAsync("employees/1")).Body;
        var body = Records.Valid("employees");
        body["email"] = (string)employee["email"]!;
        body["employee_number"] = (string)employee["employee_number"]!;
        ProblemAssert.Is(await Api.CallPostAsync("employees", body), 409, "email", "employee_number");
    }

    [Fact]
    public async Task a_project_without_a_number_gets_the_next_p_number()
    {
        var highest = (await Fixture.Server.Admin.ListAsync("projects"))
            .Select(p => int.Parse(((string)p["project_number"]!)[2..], System.Globalization.CultureInfo.InvariantCulture)).Max();
        var first = await Records.CreateAsync(Api, "projects", new JsonObject { ["name"] = "Uten nummer" });
        Assert.Equal($"P-{highest + 1}", (string)first["project_number"]!);
        await Records.CreateAsync(Api, "projects", new JsonObject { ["name"] = "Med nummer", ["project_number"] = $"P-{highest + 2}" });
        var third = await Records.CreateAsync(Api, "projects", new JsonObject { ["name"] = "Uten nummer igjen" });
        Assert.Equal($"P-{highest + 3}", (string)third["project_number"]!);
    }

    [Fact]
    public async Task a_project_number_is_unique_and_can_be_chosen()
    {
        var taken = (string)(await Api.CallGetAsync("projects/1")).Body["project_number"]!;
        ProblemAssert.Is(await Api.CallPostAsync("projects", new JsonObject { ["name"] = "Dobbel", ["project_number"] = taken }), 409, "project_number");
        var chosen = await Records.CreateAsync(Api, "projects", new JsonObject { ["name"] = "Eget nummer", ["project_number"] = "ALPHA-7" });
        Assert.Equal("ALPHA-7", (string)chosen["project_number"]!);
    }

    [Fact]
    public async Task a_new_project_is_planned_and_its_budget_has_two_decimals()
    {
        var reply = await Api.CallPostAsync("projects", new JsonObject { ["name"] = "Budsjett", ["budget"] = 1500.5m });
        Assert.Equal("planned", (string)reply.Body["status"]!);
        Assert.Contains("\"budget\":1500.50", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("planned")]
    [InlineData("active")]
    [InlineData("completed")]
    [InlineData("cancelled")]
    public async Task every_project_status_is_accepted(string status)
    {
        var reply = await Api.CallPatchAsync("projects/1", new JsonObject { ["status"] = status });
        Assert.Equal(200, reply.Status);
        Assert.Equal(status, (string)reply.Body["status"]!);
    }

    [Fact]
    public async Task a_project_manager_must_be_an_employee()
    {
        ProblemAssert.Is(await Api.CallPatchAsync("projects/1", new JsonObject { ["manager_id"] = 999 }), 400, "manager_id");
        Assert.Equal(200, (await Api.CallPatchAsync("projects/1", new JsonObject { ["manager_id"] = 2 })).Status);
    }

    [Fact]
    public async Task a_product_defaults_to_nok_and_25_percent_vat_written_with_two_decimals()
    {
        var reply = await Api.CallPostAsync("products", new JsonObject { ["sku"] = "NEW-1", ["name"] = "Ny", ["unit_price"] = 12.5m });
        Assert.Equal(201, reply.Status);
        Assert.Equal("NOK", (string)reply.Body["currency"]!);
        Assert.Contains("\"vat_rate\":25.00", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\"unit_price\":12.50", reply.Text, StringComparison.Ordinal);
        Assert.True((bool)reply.Body["is_active"]!);
    }

    [Fact]
    public async Task a_product_sku_is_unique_and_case_sensitive()
    {
        var sku = (string)(await Api.CallGetAsync("products/1")).Body["sku"]!;
        ProblemAssert.Is(await Api.CallPostAsync("products", new JsonObject { ["sku"] = sku, ["name"] = "Kopi" }), 409, "sku");
        Assert.Equal(201, (await Api.CallPostAsync("products", new JsonObject { ["sku"] = sku.ToLowerInvariant(), ["name"] = "Annen" })).Status);
    }

    [Fact]
    public async Task a_product_takes_any_iso_4217_currency()
    {
        var reply = await Api.CallPatchAsync("products/1", new JsonObject { ["currency"] = "EUR", ["vat_rate"] = 15, ["unit_price"] = 0 });
        Assert.Equal(200, reply.Status);
        Assert.Contains("\"vat_rate\":15.00", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\"unit_price\":0.00", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_customer_takes_a_valid_country_and_org_number()
    {
        var reply = await Api.CallPatchAsync("customers/1", new JsonObject { ["country"] = "SE", ["org_number"] = "556677889" });
        Assert.Equal(200, reply.Status);
        Assert.Equal("SE", (string)reply.Body["country"]!);
    }
}
