using System.Text.Json.Nodes;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class CrudTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    [Theory]
    [InlineData("customers")]
    [InlineData("contacts")]
    [InlineData("employees")]
    [InlineData("projects")]
    [InlineData("products")]
    public async Task create_answers_201_with_location_etag_and_the_stored_record(string collection)
    {
        var reply = await Api.CallPostAsync(collection, Records.Valid(collection));
        Assert.Equal(201, reply.Status);
        var record = reply.Body;
        Assert.Equal(Records.Keys(collection), record.Select(p => p.Key));
        var id = (int)record["id"]!;
        Assert.Equal(new Uri(Fixture.Server.BaseUrl, $"{collection}/{id}"), new Uri(reply.Header("Location")!));
        Assert.Equal("\"1\"", reply.Header("ETag"));
        Assert.Equal(1, (int)record["version"]!);
        Assert.Equal(Stamp(Fixture.Time.GetUtcNow()), (string)record["created_at"]!);
        Assert.Equal(record["created_at"]!.ToJsonString(), record["updated_at"]!.ToJsonString());
        Assert.Null(record["deleted_at"]);
        var read = await Api.CallGetAsync(reply.Header("Location")!);
        Assert.Equal(record.ToJsonString(), read.Body.ToJsonString());
        Assert.Equal(record.ToJsonString(), (await Fixture.Server.Admin.GetAsync(collection, id.ToString()))!.ToJsonString());
    }

    [Fact]
    public async Task ids_count_on_from_the_highest_per_collection()
    {
        var customers = (await Fixture.Server.Admin.ListAsync("customers")).Count;
        Assert.Equal(customers + 1, (int)(await Records.CreateAsync(Api, "customers"))["id"]!);
        Assert.Equal(customers + 2, (int)(await Records.CreateAsync(Api, "customers"))["id"]!);
    }

    [Fact]
    public async Task fields_left_out_of_a_create_are_null_or_their_default()
    {
        var customer = await Records.CreateAsync(Api, "customers", new JsonObject { ["name"] = "Minimal AS" });
        Assert.True((bool)customer["is_active"]!);
        Assert.All(["org_number", "email", "phone", "website", "address_line", "postal_code", "city", "country", "notes"],
            f => Assert.Null(customer[f]));
    }

    [Fact]
    public async Task get_answers_the_record_with_its_etag()
    {
        var reply = await Api.CallGetAsync("customers/1");
        Assert.Equal(200, reply.Status);
        Assert.Equal($"\"{(int)reply.Body["version"]!}\"", reply.Header("ETag"));
    }

    [Fact]
    public async Task patch_is_a_json_merge_patch_that_moves_version_and_updated_at()
    {
        var before = (await Api.CallGetAsync("customers/1")).Body;
        Fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var reply = await Api.CallPatchAsync("customers/1", new JsonObject { ["city"] = "Tromsø", ["notes"] = null });
        Assert.Equal(200, reply.Status);
        var after = reply.Body;
        Assert.Equal("Tromsø", (string)after["city"]!);
        Assert.Null(after["notes"]);
        Assert.Equal((string)before["name"]!, (string)after["name"]!);
        Assert.Equal((string)before["email"]!, (string)after["email"]!);
        Assert.Equal((int)before["version"]! + 1, (int)after["version"]!);
        Assert.Equal($"\"{(int)after["version"]!}\"", reply.Header("ETag"));
        Assert.Equal(Fixture.Time.GetUtcNow(), DateTimeOffset.Parse((string)after["updated_at"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((string)before["created_at"]!, (string)after["created_at"]!);
        Assert.Equal(after.ToJsonString(), (await Api.CallGetAsync("customers/1")).Body.ToJsonString());
    }

    [Fact]
    public async Task patch_takes_application_json_too()
    {
        var reply = await Api.CallAsync(HttpMethod.Patch, "customers/1", "{\"city\":\"Bodø\"}", "application/json");
        Assert.Equal(200, reply.Status);
        Assert.Equal("Bodø", (string)reply.Body["city"]!);
    }

    [Fact]
    public async Task a_patch_that_changes_nothing_keeps_version_and_updated_at()
    {
        var before = (await Api.CallGetAsync("customers/1")).Body;
        Fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var reply = await Api.CallPatchAsync("customers/1", new JsonObject { ["name"] = (string)before["name"]! });
        Assert.Equal(200, reply.Status);
        Assert.Equal(before.ToJsonString(), reply.Body.ToJsonString());
        Assert.Equal(200, (await Api.CallPatchAsync("customers/1", new JsonObject())).Status);
        Assert.Equal(before.ToJsonString(), (await Api.CallGetAsync("customers/1")).Body.ToJsonString());
    }

    [Theory]
    [InlineData("\"{0}\"", 200)]
    [InlineData("*", 200)]
    [InlineData("\"999\", \"{0}\"", 200)]
    [InlineData("\"999\"", 412)]
    [InlineData("W/\"{0}\"", 412)]
    [InlineData("{0}", 412)]
    public async Task if_match_on_patch_compares_the_etag_strongly(string header, int status)
    {
        var version = (int)(await Api.CallGetAsync("customers/1")).Body["version"]!;
        var reply = await Api.CallPatchAsync("customers/1", new JsonObject { ["city"] = "Hamar" }, ("If-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, header, version)));
        Assert.Equal(status, reply.Status);
        if (status == 412)
        {
            ProblemAssert.Is(reply, 412);
            Assert.Equal(version, (int)(await Api.CallGetAsync("customers/1")).Body["version"]!);
        }
    }

    [Fact]
    public async Task a_stale_if_match_is_412_even_when_the_body_is_bad()
    {
        // RFC 9110 13.2.2: preconditions are evaluated before the request content is processed.
        ProblemAssert.Is(await Api.CallPatchAsync("customers/1", new JsonObject { ["nope"] = 1 }, ("If-Match", "\"999\"")), 412);
    }

    [Fact]
    public async Task delete_is_soft_and_hides_the_record_unless_include_deleted()
    {
        var before = (await Api.CallGetAsync("employees/2")).Body;
        Fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var reply = await Api.CallDeleteAsync("employees/2");
        Assert.Equal(204, reply.Status);
        Assert.Empty(reply.Text);
        ProblemAssert.Is(await Api.CallGetAsync("employees/2"), 404);
        var deleted = await Api.CallGetAsync("employees/2?include_deleted=true");
        Assert.Equal(200, deleted.Status);
        Assert.Equal(Stamp(Fixture.Time.GetUtcNow()), (string)deleted.Body["deleted_at"]!);
        Assert.Equal((string)deleted.Body["deleted_at"]!, (string)deleted.Body["updated_at"]!);
        Assert.Equal((int)before["version"]! + 1, (int)deleted.Body["version"]!);
        Assert.Equal((string)before["email"]!, (string)deleted.Body["email"]!);
    }

    [Fact]
    public async Task a_deleted_record_cannot_be_deleted_or_patched_again()
    {
        await Api.CallDeleteAsync("products/1");
        ProblemAssert.Is(await Api.CallDeleteAsync("products/1"), 404);
        ProblemAssert.Is(await Api.CallPatchAsync("products/1", new JsonObject { ["name"] = "Igjen" }), 404);
    }

    [Theory]
    [InlineData("\"999\"", 412)]
    [InlineData("\"{0}\"", 204)]
    public async Task if_match_on_delete_is_checked(string header, int status)
    {
        var version = (int)(await Api.CallGetAsync("contacts/1")).Body["version"]!;
        var reply = await Api.CallDeleteAsync("contacts/1", ("If-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, header, version)));
        Assert.Equal(status, reply.Status);
        Assert.Equal(status == 204 ? 404 : 200, (await Api.CallGetAsync("contacts/1")).Status);
    }

    [Fact]
    public async Task a_unique_value_in_use_is_a_409_problem_on_create_and_on_patch()
    {
        var taken = (string)(await Api.CallGetAsync("customers/1")).Body["org_number"]!;
        var create = Records.Valid("customers");
        create["org_number"] = taken;
        ProblemAssert.Is(await Api.CallPostAsync("customers", create), 409, "org_number");
        ProblemAssert.Is(await Api.CallPatchAsync("customers/2", new JsonObject { ["org_number"] = taken }), 409, "org_number");
        Assert.Equal(200, (await Api.CallPatchAsync("customers/1", new JsonObject { ["org_number"] = taken })).Status);
    }

    [Fact]
    public async Task a_deleted_records_unique_value_can_be_used_again()
    {
        var taken = (string)(await Api.CallGetAsync("products/2")).Body["sku"]!;
        await Api.CallDeleteAsync("products/2");
        var create = Records.Valid("products");
        create["sku"] = taken;
        Assert.Equal(201, (await Api.CallPostAsync("products", create)).Status);
    }

    [Fact]
    public async Task many_customers_may_have_no_org_number()
    {
        await Records.CreateAsync(Api, "customers", new JsonObject { ["name"] = "Uten nummer 1 AS", ["org_number"] = null });
        await Records.CreateAsync(Api, "customers", new JsonObject { ["name"] = "Uten nummer 2 AS" });
    }

    private static string Stamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
