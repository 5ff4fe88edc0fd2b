using System.Text.Json.Nodes;

namespace Tolk.Custompms.Tests.Emulator;

/// <summary>A person's edits in Custompms (through the admin channel) look to the API exactly like any other write.</summary>
public sealed class PersonEditTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    private async Task<long> HeadAsync() => (long)(await Api.CallGetAsync("changes")).Body["lastSeq"]!;

    [Fact]
    public async Task a_person_edit_moves_modified_at_and_appends_to_the_change_log()
    {
        var task = await Sample.FirstAsync(Api, "tasks");
        var head = await HeadAsync();
        Fixture.Time.Advance(TimeSpan.FromMinutes(3));

        var edited = await Fixture.Server.Admin.EditAsync("tasks", (string)task["id"]!, new JsonObject { ["done"] = true, ["priority"] = "low" });

        var read = (await Api.CallGetAsync($"tasks/{task["id"]}")).Body;
        Assert.True(JsonNode.DeepEquals(edited, read));
        Assert.True((bool)read["done"]!);
        Assert.Equal((string?)task["title"], (string?)read["title"]);
        Assert.Equal(Fixture.Now, (string?)read["modifiedAt"]);
        Assert.Equal((string?)task["createdAt"], (string?)read["createdAt"]);
        var entry = ((JsonArray)(await Api.CallGetAsync($"changes?since={head}")).Body["changes"]!).Single()!;
        Assert.Equal("upsert", (string?)entry["op"]);
        Assert.Equal((string?)task["id"], (string?)entry["id"]);
        Assert.Equal(Fixture.Now, (string?)entry["at"]);
    }

    [Fact]
    public async Task a_person_edit_is_found_by_modified_since()
    {
        Fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var since = Fixture.Now;
        var project = await Sample.FirstAsync(Api, "projects");

        await Fixture.Server.Admin.EditAsync("projects", (string)project["id"]!, new JsonObject { ["status"] = "done" });

        var changed = (await Api.CallGetAsync($"projects?modifiedSince={since}")).Items;
        Assert.Equal("done", (string?)changed.Single()!["status"]);
    }

    [Fact]
    public async Task a_person_create_and_delete_appear_in_the_api_and_the_change_log()
    {
        var head = await HeadAsync();

        var created = await Fixture.Server.Admin.CreateAsync("customers", new JsonObject { ["name"] = "Manuelt AS" });
        Assert.Equal(200, (await Api.CallGetAsync($"customers/{created["id"]}")).Status);
        await Fixture.Server.Admin.DeleteAsync("customers", (string)created["id"]!);

        ErrorAssert.Is(await Api.CallGetAsync($"customers/{created["id"]}"), 404, "not_found");
        var ops = ((JsonArray)(await Api.CallGetAsync($"changes?since={head}")).Body["changes"]!).Select(e => (string?)e!["op"]);
        Assert.Equal(["upsert", "delete"], ops);
    }

    [Fact]
    public async Task a_person_creating_a_project_gets_the_next_key()
    {
        var created = await Fixture.Server.Admin.CreateAsync("projects", new JsonObject { ["name"] = "Fra UI" });

        Assert.Equal($"PRJ-{Fixture.World.Scaled(10) + 1}", (string?)created["key"]);
    }

    [Theory]
    [InlineData("status", "\"finished\"")]
    [InlineData("name", "null")]
    [InlineData("customerId", "\"0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f\"")]
    [InlineData("colour", "\"red\"")]
    [InlineData("modifiedAt", "\"2020-01-01T00:00:00.000Z\"")]
    public async Task the_ui_refuses_what_the_api_refuses(string field, string value)
    {
        var project = await Sample.FirstAsync(Api, "projects");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Fixture.Server.Admin.EditAsync("projects", (string)project["id"]!, new JsonObject { [field] = JsonNode.Parse(value) }));

        Assert.Contains(field, refused.Message, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(project, (await Api.CallGetAsync($"projects/{project["id"]}")).Body));
    }

    [Fact]
    public async Task a_person_cannot_delete_a_customer_projects_refer_to()
    {
        var project = await Sample.FirstAsync(Api, "projects");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Fixture.Server.Admin.DeleteAsync("customers", (string)project["customerId"]!));

        Assert.Equal(200, (await Api.CallGetAsync($"customers/{project["customerId"]}")).Status);
    }

    [Fact]
    public async Task a_person_edit_of_an_unknown_record_or_collection_is_refused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Fixture.Server.Admin.EditAsync("customers", "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f", new JsonObject { ["name"] = "X" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Fixture.Server.Admin.CreateAsync("users", new JsonObject { ["name"] = "X" }));
    }
}
