using System.Text.Json.Nodes;

namespace Tolk.Crmoffice.Tests.Emulator;

/// <summary>Bad input to every writing endpoint gets Crmoffice's 400 body, never a framework answer or a 500.</summary>
public sealed class BadInputTests(CrmofficeFixture fixture) : IClassFixture<CrmofficeFixture>, IAsyncLifetime
{
    private CrmApi Api => fixture.Api;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static readonly TheoryData<string, string> WritingEndpoints = new()
    {
        { "POST", "companies" }, { "PUT", "companies/CO-000001" },
        { "POST", "contacts" }, { "PUT", "contacts/CT-000001" },
        { "POST", "activities" }, { "PUT", "activities/AC-000001" },
        { "POST", "webhooks" },
    };

    public static readonly string[] MalformedBodies =
        ["", "{", "{\"name\":", "not json", "[]", "\"text\"", "null", "42", "{\"name\":\"A\",\"name\":\"B\"}", "{\"name\":'A'}", "{\"name\":\"A\"}}"];

    [Theory]
    [MemberData(nameof(WritingEndpoints))]
    public async Task a_body_that_is_not_a_json_object_gets_400_invalid_request(string method, string path)
    {
        foreach (var body in MalformedBodies)
        {
            (await Api.SendAsync(new HttpMethod(method), path, body)).AssertError(400, "invalid_request");
        }
    }

    [Theory]
    [MemberData(nameof(WritingEndpoints))]
    public async Task a_body_that_is_not_json_content_gets_400_invalid_request(string method, string path)
    {
        (await Api.SendAsync(new HttpMethod(method), path, "name=A", "application/x-www-form-urlencoded")).AssertError(400, "invalid_request");
        (await Api.SendAsync(new HttpMethod(method), path, "{\"name\":\"A\"}", "text/plain")).AssertError(400, "invalid_request");
    }

    [Theory]
    [MemberData(nameof(WritingEndpoints))]
    public async Task a_deeply_nested_body_gets_400_not_500(string method, string path) =>
        (await Api.SendAsync(new HttpMethod(method), path, new string('[', 5000) + new string(']', 5000))).AssertError(400, "invalid_request");

    public static readonly TheoryData<string, string, string> BadFields = new()
    {
        { "companies", "{\"name\":42}", "name" },
        { "companies", "{\"name\":\"\"}", "name" },
        { "companies", "{\"name\":\"   \"}", "name" },
        { "companies", $"{{\"name\":\"{new string('x', 201)}\"}}", "name" },
        { "companies", "{\"orgNr\":\"12345678\"}", "orgNr" },
        { "companies", "{\"orgNr\":\"91234567X\"}", "orgNr" },
        { "companies", "{\"orgNr\":\"912 345 674\"}", "orgNr" },
        { "companies", "{\"orgNr\":912345674}", "orgNr" },
        { "companies", "{\"email\":\"not-an-email\"}", "email" },
        { "companies", $"{{\"email\":\"{new string('a', 250)}@b.no\"}}", "email" },
        { "companies", "{\"phone\":true}", "phone" },
        { "companies", $"{{\"website\":\"https://{new string('w', 2000)}.no\"}}", "website" },
        { "companies", "{\"address\":\"Bryggen 3\"}", "address" },
        { "companies", "{\"address\":{\"zip\":\"5003\"}}", "address.zip" },
        { "companies", "{\"address\":{\"city\":5}}", "address.city" },
        { "companies", $"{{\"description\":\"{new string('d', 4001)}\"}}", "description" },
        { "companies", "{\"category\":\"Customer\"}", "category" },
        { "companies", "{\"category\":\"vendor\"}", "category" },
        { "companies", "{\"isActive\":\"true\"}", "isActive" },
        { "companies", "{\"isActive\":1}", "isActive" },
        { "companies", "{\"isActive\":null}", "isActive" },
        { "companies", "{\"orgNumber\":\"912345674\"}", "orgNumber" },
        { "companies", "{\"id\":\"CO-000009\"}", "id" },
        { "companies", "{\"createdAt\":\"2026-01-01T00:00:00+01:00\"}", "createdAt" },
        { "companies", "{\"updatedAt\":\"2026-01-01T00:00:00+01:00\"}", "updatedAt" },
        { "contacts", "{\"givenName\":null}", "givenName" },
        { "contacts", "{\"familyName\":5}", "familyName" },
        { "contacts", "{\"companyId\":5}", "companyId" },
        { "contacts", "{\"email\":\"a@b\"}", "email" },
        { "contacts", "{\"mobilePhone\":[]}", "mobilePhone" },
        { "contacts", "{\"title\":{}}", "title" },
        { "contacts", "{\"fullName\":\"A B\"}", "fullName" },
        { "activities", "{\"type\":null}", "type" },
        { "activities", "{\"subject\":\"\"}", "subject" },
        { "activities", "{\"completed\":\"yes\"}", "completed" },
        { "activities", "{\"startsAt\":20260302}", "startsAt" },
        { "activities", "{\"name\":\"Project\"}", "name" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task a_bad_field_gets_400_validation_error_naming_it_on_put_and_on_create(string collection, string body, string field)
    {
        var id = (string)(await fixture.Server.Admin.ListAsync(collection))[0]["id"]!;
        var before = await fixture.Server.Admin.GetAsync(collection, id);
        (await Api.SendAsync(HttpMethod.Put, $"{collection}/{id}", body)).AssertInvalidField(field);
        (await Api.SendAsync(HttpMethod.Post, collection, body)).AssertInvalidField(field);
        Assert.Equal(before!.ToJsonString(), (await fixture.Server.Admin.GetAsync(collection, id))!.ToJsonString());
    }

    [Fact]
    public async Task every_problem_of_a_body_is_named_at_once()
    {
        var details = (await Api.PostAsync("companies", JsonNode.Parse("""{"orgNr":"1","category":"x","extra":1}""")!)).AssertError(400, "validation_error");
        Assert.Equal(["category", "extra", "name", "orgNr"], details.Select(d => (string)d!["field"]!).Order(StringComparer.Ordinal));
    }

    public static readonly TheoryData<string, string> BadWebhooks = new()
    {
        { "{\"events\":[\"companies\"],\"secret\":\"0123456789abcdef\"}", "url" },
        { "{\"url\":\"ftp://example.com/hook\",\"events\":[\"companies\"],\"secret\":\"0123456789abcdef\"}", "url" },
        { "{\"url\":\"not a url\",\"events\":[\"companies\"],\"secret\":\"0123456789abcdef\"}", "url" },
        { "{\"url\":5,\"events\":[\"companies\"],\"secret\":\"0123456789abcdef\"}", "url" },
        { "{\"url\":\"https://example.com/hook\",\"secret\":\"0123456789abcdef\"}", "events" },
        { "{\"url\":\"https://example.com/hook\",\"events\":[],\"secret\":\"0123456789abcdef\"}", "events" },
        { "{\"url\":\"https://example.com/hook\",\"events\":\"companies\",\"secret\":\"0123456789abcdef\"}", "events" },
        { "{\"url\":\"https://example.com/hook\",\"events\":[\"orders\"],\"secret\":\"0123456789abcdef\"}", "events[0]" },
        { "{\"url\":\"https://example.com/hook\",\"events\":[\"users\"],\"secret\":\"0123456789abcdef\"}", "events[0]" },
        { "{\"url\":\"https://example.com/hook\",\"events\":[\"contacts\",\"contacts\"],\"secret\":\"0123456789abcdef\"}", "events[1]" },
        { "{\"url\":\"https://example.com/hook\",\"events\":[7],\"secret\":\"0123456789abcdef\"}", "events[0]" },
        { "{\"url\":\"https://example.com/hook\",\"events\":[\"contacts\"]}", "secret" },
        { "{\"url\":\"https://example.com/hook\",\"events\":[\"contacts\"],\"secret\":\"short\"}", "secret" },
        { "{\"url\":\"https://example.com/hook\",\"events\":[\"contacts\"],\"secret\":12345678901234567}", "secret" },
        { "{\"url\":\"https://example.com/hook\",\"events\":[\"contacts\"],\"secret\":\"0123456789abcdef\",\"active\":true}", "active" },
    };

    [Theory]
    [MemberData(nameof(BadWebhooks))]
    public async Task a_bad_webhook_registration_gets_400_naming_the_field(string body, string field)
    {
        (await Api.SendAsync(HttpMethod.Post, "webhooks", body)).AssertInvalidField(field);
        Assert.Empty(await fixture.Server.Admin.ListAsync("webhooks"));
    }
}
