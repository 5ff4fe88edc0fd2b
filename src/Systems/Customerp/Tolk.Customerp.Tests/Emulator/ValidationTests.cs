using System.Text.Json.Nodes;
using Tolk.Customerp.Emulator;
using Tolk.Customerp.Emulator.Internal;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class ValidationTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    public static TheoryData<string> Collections => new(Records.Collections);

    public static TheoryData<string, string> Writes()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Records.Collections)
        {
            data.Add("POST", c);
            data.Add("PATCH", c + "/1");
        }
        data.Add("POST", "webhooks");
        return data;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task malformed_json_is_a_400_problem(string method, string path)
    {
        foreach (var body in new[] { "{", "{\"name\": }", "not json", "{\"name\":\"a\",}", "" })
        {
            ProblemAssert.Is(await Api.CallAsync(new HttpMethod(method), path, body, "application/json"), 400);
        }
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task a_body_that_is_not_an_object_is_a_400_problem(string method, string path)
    {
        foreach (var body in new[] { "[]", "[{\"name\":\"x\"}]", "\"x\"", "42", "null", "true" })
        {
            ProblemAssert.Is(await Api.CallAsync(new HttpMethod(method), path, body, "application/json"), 400);
        }
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task duplicate_properties_are_a_400_problem(string method, string path)
    {
        ProblemAssert.Is(await Api.CallAsync(new HttpMethod(method), path, "{\"name\":\"a\",\"name\":\"b\"}", "application/json"), 400);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task a_body_that_is_not_json_media_is_a_415_problem(string method, string path)
    {
        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16" })
        {
            ProblemAssert.Is(await Api.CallAsync(new HttpMethod(method), path, "{}", type), 415);
        }
        ProblemAssert.Is(await Api.CallAsync(new HttpMethod(method), path, "{}", null), 415);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task a_body_over_one_mebibyte_is_a_413_problem(string method, string path)
    {
        var body = "{\"name\":\"" + new string('x', 1024 * 1024 + 10) + "\"}";
        ProblemAssert.Is(await Api.CallAsync(new HttpMethod(method), path, body, "application/json"), 413);
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task unknown_fields_are_a_400_problem_naming_them(string collection)
    {
        var body = Records.Valid(collection);
        body["colour"] = "blue";
        body["Name"] = "case matters";
        ProblemAssert.Is(await Api.CallPostAsync(collection, body), 400, "colour", "Name");
        ProblemAssert.Is(await Api.CallPatchAsync($"{collection}/1", new JsonObject { ["colour"] = "blue" }), 400, "colour");
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task read_only_fields_are_a_400_problem(string collection)
    {
        foreach (var field in new[] { "id", "created_at", "updated_at", "deleted_at", "version" })
        {
            var body = Records.Valid(collection);
            body[field] = field == "id" || field == "version" ? 1 : "2026-01-01T00:00:00.000Z";
            ProblemAssert.Is(await Api.CallPostAsync(collection, body), 400, field);
            ProblemAssert.Is(await Api.CallPatchAsync($"{collection}/1", new JsonObject { [field] = null }), 400, field);
        }
    }

    [Theory]
    [InlineData("customers", new[] { "name" })]
    [InlineData("contacts", new[] { "first_name", "last_name" })]
    [InlineData("employees", new[] { "first_name", "last_name", "email" })]
    [InlineData("projects", new[] { "name" })]
    [InlineData("products", new[] { "sku", "name" })]
    public async Task missing_required_fields_are_a_400_problem_naming_each(string collection, string[] required)
    {
        ProblemAssert.Is(await Api.CallPostAsync(collection, new JsonObject()), 400, required);
        foreach (var field in required)
        {
            var body = Records.Valid(collection);
            body[field] = null;
            ProblemAssert.Is(await Api.CallPostAsync(collection, body), 400, field);
            ProblemAssert.Is(await Api.CallPatchAsync($"{collection}/1", new JsonObject { [field] = null }), 400, field);
            body[field] = "  ";
            ProblemAssert.Is(await Api.CallPostAsync(collection, body), 400, field);
        }
    }

    public static TheoryData<string, string, int> TextLimits()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var schema in new[] { CustomerpEmulator.Customers, CustomerpEmulator.Contacts, CustomerpEmulator.Employees, CustomerpEmulator.Projects, CustomerpEmulator.Products })
        {
            foreach (var field in schema.Fields.Where(f => f.Kind == FieldKind.Text))
            {
                data.Add(schema.Name, field.Name, field.MaxLength);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TextLimits))]
    public async Task strings_longer_than_their_limit_are_a_400_problem(string collection, string field, int limit)
    {
        Assert.InRange(limit, 20, 5000);
        var body = Records.Valid(collection);
        body[field] = Unique(limit + 1);
        ProblemAssert.Is(await Api.CallPostAsync(collection, body), 400, field);
        ProblemAssert.Is(await Api.CallPatchAsync($"{collection}/1", new JsonObject { [field] = Unique(limit + 1) }), 400, field);
        body[field] = Unique(limit);
        Assert.Equal(201, (await Api.CallPostAsync(collection, body)).Status);
    }

    [Fact]
    public void name_is_limited_to_200_characters_as_the_spec_says()
    {
        Assert.Equal(200, CustomerpEmulator.Customers.Find("name")!.MaxLength);
    }

    [Theory]
    [InlineData("customers", "name", 42)]
    [InlineData("customers", "name", true)]
    [InlineData("customers", "email", 5)]
    [InlineData("customers", "is_active", "yes")]
    [InlineData("customers", "is_active", 1)]
    [InlineData("customers", "org_number", 123456789)]
    [InlineData("customers", "org_number", "12345678")]
    [InlineData("customers", "org_number", "1234567890")]
    [InlineData("customers", "org_number", "12345678a")]
    [InlineData("customers", "org_number", "123 456 789")]
    [InlineData("customers", "country", "no")]
    [InlineData("customers", "country", "NOR")]
    [InlineData("customers", "country", "XX")]
    [InlineData("contacts", "customer_id", "1")]
    [InlineData("contacts", "customer_id", 1.5)]
    [InlineData("contacts", "customer_id", 0)]
    [InlineData("contacts", "customer_id", -3)]
    [InlineData("contacts", "customer_id", 99999)]
    [InlineData("employees", "hire_date", "2024-02-30")]
    [InlineData("employees", "hire_date", "05.01.2024")]
    [InlineData("employees", "hire_date", "2024-01-05T00:00:00Z")]
    [InlineData("employees", "hire_date", 20240105)]
    [InlineData("employees", "is_active", null)]
    [InlineData("projects", "status", "done")]
    [InlineData("projects", "status", "Active")]
    [InlineData("projects", "status", null)]
    [InlineData("projects", "budget", "1000.00")]
    [InlineData("projects", "budget", 1000.005)]
    [InlineData("projects", "budget", -1)]
    [InlineData("projects", "budget", 1e20)]
    [InlineData("projects", "manager_id", 99999)]
    [InlineData("projects", "start_date", "2025-1-1")]
    [InlineData("projects", "project_number", null)]
    [InlineData("products", "currency", "KR")]
    [InlineData("products", "currency", "nok")]
    [InlineData("products", "currency", "XYZ")]
    [InlineData("products", "currency", null)]
    [InlineData("products", "unit_price", 12.345)]
    [InlineData("products", "unit_price", "12")]
    [InlineData("products", "vat_rate", 100.01)]
    [InlineData("products", "vat_rate", -0.01)]
    [InlineData("products", "vat_rate", null)]
    public async Task a_bad_value_is_a_400_problem_naming_the_field(string collection, string field, object? value)
    {
        var node = JsonValue.Create(value);
        var body = Records.Valid(collection);
        body[field] = node?.DeepClone();
        ProblemAssert.Is(await Api.CallPostAsync(collection, body), 400, field);
        ProblemAssert.Is(await Api.CallPatchAsync($"{collection}/1", new JsonObject { [field] = node?.DeepClone() }), 400, field);
    }

    [Fact]
    public async Task every_bad_field_is_reported_in_one_problem()
    {
        var problem = ProblemAssert.Is(await Api.CallPostAsync("projects", new JsonObject
        {
            ["status"] = "done",
            ["budget"] = "x",
            ["customer_id"] = 99999,
            ["nope"] = 1,
        }), 400, "name", "status", "budget", "customer_id", "nope");
        Assert.Equal("is required", (string)problem["errors"]!["name"]![0]!);
        Assert.Equal("customer 99999 does not exist", (string)problem["errors"]!["customer_id"]![0]!);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999")]
    [InlineData("2147483648")]
    [InlineData("%20")]
    public async Task an_invalid_or_unknown_id_is_a_404_problem_everywhere(string id)
    {
        foreach (var collection in Records.Collections.Append("webhooks"))
        {
            ProblemAssert.Is(await Api.CallGetAsync($"{collection}/{id}"), 404);
            ProblemAssert.Is(await Api.CallDeleteAsync($"{collection}/{id}"), 404);
            if (collection != "webhooks")
            {
                ProblemAssert.Is(await Api.CallPatchAsync($"{collection}/{id}", new JsonObject { ["name"] = "x" }), 404);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task no_garbage_ever_gets_a_500(string method, string path)
    {
        string[] bodies =
        [
            "{\"name\":{\"nested\":true}}", "{\"name\":[1,2]}", "{\"customer_id\":1e400}", "{\"budget\":1e400}",
            "{\"name\":\"\\ud800\"}", "{\"events\":[null]}", "{\"url\":\"ftp://x\"}", "{\"" + new string('k', 5000) + "\":1}",
            "{\"unit_price\":79228162514264337593543950336}", new string('[', 200) + new string(']', 200),
            "{\"a\":" + new string('[', 100) + new string(']', 100) + "}",
        ];
        foreach (var body in bodies)
        {
            var reply = await Api.CallAsync(new HttpMethod(method), path, body, "application/json");
            Assert.True(reply.Status is >= 400 and < 500, $"{method} {path} {body[..Math.Min(40, body.Length)]} → {reply.Status}: {reply.Text}");
            ProblemAssert.Is(reply, reply.Status);
        }
    }

    private static string Unique(int length) => (Guid.NewGuid().ToString("N") + new string('x', length))[..length];
}
