using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tolk.Custompms.Tests.Emulator;

public sealed partial class CrudTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Stamp();

    [Fact]
    public async Task create_answers_201_with_a_server_assigned_uuid_and_millisecond_utc_timestamps()
    {
        Fixture.Time.Advance(TimeSpan.FromMilliseconds(1001));
        var now = Fixture.Now;
        var reply = await Api.CallPostAsync("customers", Sample.Customer());

        Assert.Equal(201, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        var created = reply.Body;
        Assert.Equal(["id", "name", "orgNumber", "email", "phone", "createdAt", "modifiedAt"], created.Select(p => p.Key));
        Assert.Matches(Uuid(), (string)created["id"]!);
        Assert.Matches(Stamp(), (string)created["createdAt"]!);
        Assert.Equal(now, (string)created["modifiedAt"]!);
        Assert.Equal((string?)created["createdAt"], (string?)created["modifiedAt"]);
        Assert.Equal("Testkunde AS", (string?)created["name"]);
    }

    [Fact]
    public async Task get_returns_the_record_as_created()
    {
        var created = await Api.CreateAsync("customers", Sample.Customer());

        var reply = await Api.CallGetAsync($"customers/{created["id"]}");

        Assert.Equal(200, reply.Status);
        Assert.True(JsonNode.DeepEquals(created, reply.Body));
    }

    [Fact]
    public async Task create_without_optional_fields_stores_them_as_null()
    {
        var project = await Api.CreateAsync("projects", new JsonObject { ["name"] = "Bare et navn" });

        Assert.Equal(["id", "key", "name", "description", "customerId", "startDate", "dueDate", "status", "createdAt", "modifiedAt"],
            project.Select(p => p.Key));
        Assert.All(["description", "customerId", "startDate", "dueDate", "status"], f => Assert.Null(project[f]));
    }

    [Fact]
    public async Task put_replaces_the_whole_record_and_omitted_optional_fields_become_null()
    {
        var task = await Sample.FirstAsync(Api, "tasks");
        Fixture.Time.Advance(TimeSpan.FromSeconds(3));

        var reply = await Api.CallPutAsync($"tasks/{task["id"]}", new JsonObject { ["projectId"] = task["projectId"]!.DeepClone(), ["title"] = "Ny tittel" });

        Assert.Equal(200, reply.Status);
        var replaced = reply.Body;
        Assert.Equal("Ny tittel", (string?)replaced["title"]);
        Assert.All(["description", "assigneeEmail", "dueDate", "done", "priority"], f => Assert.Null(replaced[f]));
        Assert.Equal((string?)task["createdAt"], (string?)replaced["createdAt"]);
        Assert.Equal(Fixture.Now, (string?)replaced["modifiedAt"]);
        Assert.True(JsonNode.DeepEquals(replaced, (await Api.CallGetAsync($"tasks/{task["id"]}")).Body));
    }

    [Fact]
    public async Task put_accepts_a_record_as_read_with_its_read_only_fields()
    {
        var customer = await Sample.FirstAsync(Api, "customers");
        customer["phone"] = "+47 999 99 999";

        var reply = await Api.CallPutAsync($"customers/{customer["id"]}", customer);

        Assert.Equal(200, reply.Status);
        Assert.Equal("+47 999 99 999", (string?)reply.Body["phone"]);
        Assert.NotEqual((string?)customer["modifiedAt"], (string?)reply.Body["modifiedAt"]);
    }

    [Fact]
    public async Task put_without_a_required_field_is_400_naming_it()
    {
        var task = await Sample.FirstAsync(Api, "tasks");

        var reply = await Api.CallPutAsync($"tasks/{task["id"]}", new JsonObject { ["projectId"] = task["projectId"]!.DeepClone() });

        ErrorAssert.Is(reply, 400, "validation_failed", "title");
        Assert.Equal((string?)task["title"], (string?)(await Api.CallGetAsync($"tasks/{task["id"]}")).Body["title"]);
    }

    [Fact]
    public async Task delete_is_a_hard_delete_answering_204_then_404()
    {
        var task = await Sample.FirstAsync(Api, "tasks");

        var deleted = await Api.CallDeleteAsync($"tasks/{task["id"]}");

        Assert.Equal(204, deleted.Status);
        Assert.Equal("", deleted.Text);
        ErrorAssert.Is(await Api.CallGetAsync($"tasks/{task["id"]}"), 404, "not_found");
        ErrorAssert.Is(await Api.CallDeleteAsync($"tasks/{task["id"]}"), 404, "not_found");
        Assert.Null(await Fixture.Server.Admin.GetAsync("tasks", (string)task["id"]!));
    }

    [Fact]
    public async Task stored_records_are_what_the_api_shows()
    {
        var project = await Sample.FirstAsync(Api, "projects");

        var stored = await Fixture.Server.Admin.GetAsync("projects", (string)project["id"]!);

        Assert.True(JsonNode.DeepEquals(project, stored));
    }

    [Theory]
    [InlineData("customers/00000000-0000-4000-8000-000000000000")]
    [InlineData("projects/not-a-uuid")]
    [InlineData("tasks/00000000-0000-4000-8000-000000000000")]
    public async Task an_unknown_or_malformed_id_is_404_for_get_put_and_delete(string path)
    {
        var collection = path.Split('/')[0];
        ErrorAssert.Is(await Api.CallGetAsync(path), 404, "not_found");
        ErrorAssert.Is(await Api.CallPutAsync(path, await Sample.ValidAsync(Api, collection)), 404, "not_found");
        ErrorAssert.Is(await Api.CallDeleteAsync(path), 404, "not_found");
    }

    [Fact]
    public async Task an_upper_case_id_names_no_record()
    {
        var customer = await Sample.FirstAsync(Api, "customers");

        ErrorAssert.Is(await Api.CallGetAsync($"customers/{((string)customer["id"]!).ToUpperInvariant()}"), 404, "not_found");
    }
}
