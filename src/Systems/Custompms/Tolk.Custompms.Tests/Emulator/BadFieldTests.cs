using System.Text.Json.Nodes;

namespace Tolk.Custompms.Tests.Emulator;

/// <summary>Every field's bad values, on create and on replace: 400 validation_failed naming the field, nothing written.</summary>
public sealed class BadFieldTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    public static TheoryData<string, string, string> BadValues => new()
    {
        { "customers", "name", "null" }, { "customers", "name", "123" }, { "customers", "name", "\"\"" }, { "customers", "name", "\"   \"" },
        { "customers", "name", "long:201" }, { "customers", "name", "true" }, { "customers", "orgNumber", "912345678" },
        { "customers", "orgNumber", "long:21" }, { "customers", "email", "[]" }, { "customers", "email", "long:255" },
        { "customers", "phone", "{}" }, { "customers", "phone", "long:51" },
        { "projects", "key", "12" }, { "projects", "key", "long:51" }, { "projects", "name", "null" }, { "projects", "name", "long:201" },
        { "projects", "description", "long:10001" }, { "projects", "description", "1.5" }, { "projects", "customerId", "5" },
        { "projects", "startDate", "\"2026-02-30\"" }, { "projects", "startDate", "\"2026-2-1\"" },
        { "projects", "startDate", "\"2026-02-01T00:00:00Z\"" }, { "projects", "startDate", "20260201" }, { "projects", "dueDate", "\"tomorrow\"" },
        { "projects", "status", "\"Open\"" }, { "projects", "status", "\"closed\"" }, { "projects", "status", "1" }, { "projects", "status", "\"\"" },
        { "tasks", "projectId", "null" }, { "tasks", "projectId", "7" }, { "tasks", "title", "\"\"" }, { "tasks", "title", "long:501" },
        { "tasks", "description", "false" }, { "tasks", "assigneeEmail", "1" }, { "tasks", "assigneeEmail", "long:255" },
        { "tasks", "dueDate", "\"01.03.2026\"" }, { "tasks", "done", "\"true\"" }, { "tasks", "done", "1" }, { "tasks", "done", "\"yes\"" },
        { "tasks", "priority", "\"urgent\"" }, { "tasks", "priority", "\"High\"" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task a_bad_value_is_400_naming_the_field_on_create(string collection, string field, string value)
    {
        var body = await Sample.ValidAsync(Api, collection);
        body[field] = Value(value);

        ErrorAssert.Is(await Api.CallPostAsync(collection, body), 400, "validation_failed", field);
        Assert.Equal(SeededCount(collection), (await Fixture.Server.Admin.ListAsync(collection)).Count);
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task a_bad_value_is_400_naming_the_field_on_replace(string collection, string field, string value)
    {
        var record = await Sample.FirstAsync(Api, collection);
        var body = await Sample.ValidAsync(Api, collection);
        body[field] = Value(value);

        ErrorAssert.Is(await Api.CallPutAsync($"{collection}/{record["id"]}", body), 400, "validation_failed", field);
        Assert.True(JsonNode.DeepEquals(record, (await Api.CallGetAsync($"{collection}/{record["id"]}")).Body));
    }

    [Theory]
    [InlineData("customers", "website")]
    [InlineData("customers", "Name")]
    [InlineData("projects", "manager")]
    [InlineData("tasks", "completed")]
    public async Task an_unknown_field_is_400_naming_it(string collection, string field)
    {
        var body = await Sample.ValidAsync(Api, collection);
        body[field] = "x";

        ErrorAssert.Is(await Api.CallPostAsync(collection, body), 400, "validation_failed", field);
    }

    [Fact]
    public async Task an_id_in_a_create_body_is_400()
    {
        var body = Sample.Customer();
        body["id"] = "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f";

        ErrorAssert.Is(await Api.CallPostAsync("customers", body), 400, "validation_failed", "id");
    }

    [Theory]
    [InlineData("\"0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f\"")]
    [InlineData("42")]
    public async Task an_id_in_a_put_body_other_than_the_paths_is_400(string id)
    {
        var customer = await Sample.FirstAsync(Api, "customers");
        customer["id"] = JsonNode.Parse(id);

        ErrorAssert.Is(await Api.CallPutAsync($"customers/{(await Sample.FirstAsync(Api, "customers"))["id"]}", customer), 400, "validation_failed", "id");
    }

    [Fact]
    public async Task created_at_and_modified_at_in_a_body_are_ignored()
    {
        var body = Sample.Customer();
        body["createdAt"] = "1999-01-01T00:00:00.000Z";
        body["modifiedAt"] = 17;

        var created = await Api.CreateAsync("customers", body);

        Assert.Equal(Fixture.Now, (string?)created["createdAt"]);
        Assert.Equal(Fixture.Now, (string?)created["modifiedAt"]);
    }

    [Fact]
    public async Task strings_at_their_maximum_length_are_accepted()
    {
        var body = Sample.Customer(new string('N', 200));
        body["orgNumber"] = new string('9', 20);

        Assert.Equal(200, ((string)(await Api.CreateAsync("customers", body))["name"]!).Length);
    }

    private int SeededCount(string collection) => collection switch
    {
        "customers" => Fixture.World.Organizations.Count(o => o.Index % 3 == 0) + 1,
        "projects" => Fixture.World.Scaled(10),
        _ => Fixture.World.Scaled(60),
    };

    private static JsonNode? Value(string value) =>
        value.StartsWith("long:", StringComparison.Ordinal) ? JsonValue.Create(new string('x', int.Parse(value[5..], System.Globalization.CultureInfo.InvariantCulture))) : JsonNode.Parse(value);
}
