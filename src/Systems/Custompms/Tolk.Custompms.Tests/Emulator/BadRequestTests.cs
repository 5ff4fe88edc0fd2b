using System.Text.Json.Nodes;

namespace Tolk.Custompms.Tests.Emulator;

/// <summary>Bodies, headers, query strings, routes and methods the API refuses, each with its exact error.</summary>
public sealed class BadRequestTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    public static TheoryData<string, string?, string> BadBodies => new()
    {
        { "{\"name\":", "application/json", "malformed" },
        { "", "application/json", "empty" },
        { "[]", "application/json", "an array" },
        { "\"Testkunde AS\"", "application/json", "a string" },
        { "null", "application/json", "null" },
        { "{\"name\":\"A\",\"name\":\"B\"}", "application/json", "a duplicate name" },
        { "{\"name\":\"A\"}", "text/plain", "not JSON by type" },
        { "{\"name\":\"A\"}", "application/x-www-form-urlencoded", "a form" },
        { "{\"name\":\"A\"}", null, "without a content type" },
        { "{\"name\":\"\\uD800\"}", "application/json", "a lone surrogate" },
        { "{\"name\":\"A\"} trailing", "application/json", "trailing text" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task a_bad_body_is_400_validation_failed_without_a_field_on_every_write(string body, string? contentType, string what)
    {
        Assert.NotEmpty(what);
        foreach (var collection in (string[])["customers", "projects", "tasks"])
        {
            var id = (string)(await Sample.FirstAsync(Api, collection))["id"]!;
            ErrorAssert.Is(await Api.CallAsync(HttpMethod.Post, collection, body, contentType), 400, "validation_failed");
            ErrorAssert.Is(await Api.CallAsync(HttpMethod.Put, $"{collection}/{id}", body, contentType), 400, "validation_failed");
        }
    }

    [Fact]
    public async Task json_with_a_charset_is_accepted()
    {
        var reply = await Api.CallAsync(HttpMethod.Post, "customers", Sample.Customer().ToJsonString(), "application/json; charset=utf-8");

        Assert.Equal(201, reply.Status);
    }

    [Fact]
    public async Task a_body_over_one_mebibyte_is_400()
    {
        var body = new JsonObject { ["name"] = "Stor", ["padding"] = new string('x', 1024 * 1024) };

        ErrorAssert.Is(await Api.CallPostAsync("customers", body), 400, "validation_failed");
    }

    [Theory]
    [InlineData("GET", "customers/{id}?expand=all", "expand")]
    [InlineData("PUT", "customers/{id}?force=true", "force")]
    [InlineData("DELETE", "customers/{id}?cascade=true", "cascade")]
    [InlineData("POST", "customers?dryRun=1", "dryRun")]
    public async Task a_query_parameter_on_an_endpoint_that_takes_none_is_400_naming_it(string method, string path, string parameter)
    {
        var id = (string)(await Sample.FirstAsync(Api, "customers"))["id"]!;
        var body = method is "PUT" or "POST" ? Sample.Customer().ToJsonString() : null;

        var reply = await Api.CallAsync(new HttpMethod(method), path.Replace("{id}", id, StringComparison.Ordinal), body, body is null ? null : "application/json");

        ErrorAssert.Is(reply, 400, "validation_failed", parameter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("long")]
    public async Task a_bad_idempotency_key_is_400_naming_the_header(string key)
    {
        key = key == "long" ? new string('k', 256) : key;

        var reply = await Api.CallPostAsync("customers", Sample.Customer(), ("Idempotency-Key", key));

        ErrorAssert.Is(reply, 400, "validation_failed", "Idempotency-Key");
        Assert.Equal(3, (await Fixture.Server.Admin.ListAsync("customers")).Count);
    }

    [Theory]
    [InlineData("users")]
    [InlineData("customers/x/projects")]
    [InlineData("v1/customers")]
    public async Task an_unknown_path_under_the_api_is_404_not_found(string path)
    {
        ErrorAssert.Is(await Api.CallGetAsync(path), 404, "not_found");
    }

    [Fact]
    public async Task a_path_outside_the_api_is_404_not_found()
    {
        ErrorAssert.Is(await Api.CallGetAsync(new Uri(Fixture.Server.HostUrl, "customers").ToString()), 404, "not_found");
    }

    [Theory]
    [InlineData("PATCH", "customers/{id}", "DELETE, GET, PUT")]
    [InlineData("POST", "customers/{id}", "DELETE, GET, PUT")]
    [InlineData("DELETE", "customers", "GET, POST")]
    [InlineData("POST", "changes", "GET")]
    public async Task an_unsupported_method_is_405_method_not_allowed(string method, string path, string allowed)
    {
        var id = (string)(await Sample.FirstAsync(Api, "customers"))["id"]!;

        var reply = await Api.CallAsync(new HttpMethod(method), path.Replace("{id}", id, StringComparison.Ordinal), "{}", "application/json");

        ErrorAssert.Is(reply, 405, "method_not_allowed");
        Assert.Equal(allowed, string.Join(", ", (reply.Header("Allow") ?? "").Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)));
    }
}
