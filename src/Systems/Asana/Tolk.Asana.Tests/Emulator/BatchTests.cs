using System.Text.Json.Nodes;

namespace Tolk.Asana.Tests.Emulator;

public sealed class BatchTests(AsanaFixture fixture) : IClassFixture<AsanaFixture>, IAsyncLifetime
{
    private const string Project = "1204000000000000";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("""{"data":{"actions":[]}}""", "actions: At least one action is required")]
    [InlineData("""{"data":{}}""", "actions: Missing input")]
    [InlineData("""{"data":{"actions":{}}}""", "actions: Value is not an array: {}")]
    public async Task a_batch_without_actions_is_400(string body, string message)
    {
        (await fixture.Api.PostAsync("batch", body)).AssertError(400, message);
    }

    [Fact]
    public async Task a_batch_of_more_than_ten_actions_is_400()
    {
        var actions = Enumerable.Repeat(new { relative_path = "/users/me", method = "get" }, 11);
        (await fixture.Api.PostAsync("batch", AsanaClient.Data(new { actions }))).AssertError(400, "actions: Too many actions: 11. The maximum is 10");
    }

    [Fact]
    public async Task every_action_is_answered_in_order_with_its_status_headers_and_body()
    {
        var body = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["actions"] = new JsonArray(
                    new JsonObject { ["relative_path"] = "/users/me", ["method"] = "get", ["options"] = new JsonObject { ["fields"] = new JsonArray("name") } },
                    new JsonObject { ["relative_path"] = "/tasks", ["method"] = "post", ["data"] = new JsonObject { ["name"] = "Fra batch", ["projects"] = new JsonArray(Project) } },
                    new JsonObject { ["relative_path"] = "/tasks", ["method"] = "get", ["data"] = new JsonObject { ["project"] = Project }, ["options"] = new JsonObject { ["limit"] = 2 } },
                    new JsonObject { ["relative_path"] = "/projects/1204000000999999", ["method"] = "GET" },
                    new JsonObject { ["relative_path"] = "/nowhere", ["method"] = "get" },
                    new JsonObject { ["relative_path"] = "/tasks", ["method"] = "get" },
                    new JsonObject { ["relative_path"] = "/batch", ["method"] = "post", ["data"] = new JsonObject { ["actions"] = new JsonArray() } },
                    new JsonObject { ["relative_path"] = "/users/me?opt_fields=name", ["method"] = "get" },
                    new JsonObject { ["relative_path"] = "/users/me", ["method"] = "fetch" }),
            },
        };
        var response = (await fixture.Api.PostAsync("batch", body.ToJsonString())).AssertOk();
        var results = response.DataArray;
        Assert.Equal([200, 201, 200, 404, 404, 400, 400, 400, 400], results.Select(r => (int)r!["status_code"]!));
        Assert.Equal(["gid", "name"], results[0]!["body"]!["data"]!.AsObject().Select(p => p.Key));
        var created = results[1]!;
        Assert.Equal($"/tasks/{(string?)created["body"]!["data"]!["gid"]}", (string?)created["headers"]!["location"]);
        Assert.Equal("Fra batch", (string?)created["body"]!["data"]!["name"]);
        Assert.Equal(2, results[2]!["body"]!["data"]!.AsArray().Count);
        Assert.NotNull(results[2]!["body"]!["next_page"]);
        Assert.Equal("project: Not a recognized ID: 1204000000999999", (string?)results[3]!["body"]!["errors"]![0]!["message"]);
        Assert.Equal("No matching route for request", (string?)results[4]!["body"]!["errors"]![0]!["message"]);
        Assert.Equal("Must specify exactly one of project, tag, section, user task list, or assignee + workspace",
            (string?)results[5]!["body"]!["errors"]![0]!["message"]);
        Assert.Equal("Nested batch requests are not allowed", (string?)results[6]!["body"]!["errors"]![0]!["message"]);
        Assert.Equal("relative_path: Query parameters are not accepted here; put them in data", (string?)results[7]!["body"]!["errors"]![0]!["message"]);
        Assert.StartsWith("method: Not a valid enum value: \"fetch\"", (string?)results[8]!["body"]!["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.All(results, r => Assert.Equal(["status_code", "headers", "body"], r!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task a_batch_offset_continues_the_listing_it_came_from()
    {
        var first = (await fixture.Api.PostAsync("batch", AsanaClient.Data(new
        {
            actions = new[] { new { relative_path = "/tasks", method = "get", data = new { project = Project }, options = new { limit = 2 } } },
        }))).AssertOk().DataArray[0]!["body"]!;
        var offset = (string)first["next_page"]!["offset"]!;
        var second = (await fixture.Api.PostAsync("batch", AsanaClient.Data(new
        {
            actions = new[] { new { relative_path = "/tasks", method = "get", data = new { project = Project }, options = new { limit = 2, offset } } },
        }))).AssertOk().DataArray[0]!["body"]!;
        var direct = (await fixture.Api.GetAsync($"tasks?project={Project}&limit=4")).AssertOk().DataArray;
        Assert.Equal(direct.Skip(2).Select(t => (string?)t!["gid"]), second["data"]!.AsArray().Select(t => (string?)t!["gid"]));
    }

    [Fact]
    public async Task batch_writes_are_applied_and_fire_events_like_any_write()
    {
        var sync = (string)(await fixture.Api.GetAsync($"events?resource={Project}")).Json!["sync"]!;
        (await fixture.Api.PostAsync("batch", AsanaClient.Data(new
        {
            actions = new[] { new { relative_path = $"/projects/{Project}", method = "put", data = new { notes = "Fra batch" } } },
        }))).AssertOk();
        var events = (await fixture.Api.GetAsync($"events?resource={Project}&sync={sync}")).AssertOk().DataArray;
        Assert.Equal("notes", (string?)Assert.Single(events)!["change"]!["field"]);
    }

    [Fact]
    public async Task a_batch_needs_a_token_like_any_request()
    {
        (await fixture.Anonymous.PostAsync("batch", """{"data":{"actions":[{"relative_path":"/users/me","method":"get"}]}}"""))
            .AssertError(401, "Not Authorized", help: false);
    }
}
