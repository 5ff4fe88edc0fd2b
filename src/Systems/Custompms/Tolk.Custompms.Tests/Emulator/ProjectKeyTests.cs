using System.Text.Json.Nodes;

namespace Tolk.Custompms.Tests.Emulator;

public sealed class ProjectKeyTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    [Fact]
    public async Task a_project_created_without_a_key_gets_the_next_free_prj_key()
    {
        var seeded = (await Fixture.Server.Admin.ListAsync("projects")).Count;

        var first = await Api.CreateAsync("projects", new JsonObject { ["name"] = "Uten nøkkel" });
        var second = await Api.CreateAsync("projects", new JsonObject { ["name"] = "Også uten", ["key"] = null });

        Assert.Equal($"PRJ-{seeded + 1}", (string?)first["key"]);
        Assert.Equal($"PRJ-{seeded + 2}", (string?)second["key"]);
    }

    [Fact]
    public async Task server_assigned_keys_skip_keys_a_client_chose()
    {
        var seeded = (await Fixture.Server.Admin.ListAsync("projects")).Count;
        await Api.CreateAsync("projects", new JsonObject { ["name"] = "Valgt nøkkel", ["key"] = $"prj-{seeded + 1}" });

        var assigned = await Api.CreateAsync("projects", new JsonObject { ["name"] = "Tildelt" });

        Assert.Equal($"PRJ-{seeded + 2}", (string?)assigned["key"]);
    }

    [Fact]
    public async Task a_client_chosen_key_is_kept()
    {
        var project = await Api.CreateAsync("projects", new JsonObject { ["name"] = "Egen nøkkel", ["key"] = "WEB-7" });

        Assert.Equal("WEB-7", (string?)project["key"]);
    }

    [Theory]
    [InlineData("PRJ-1")]
    [InlineData("prj-1")]
    public async Task a_key_already_used_is_409_conflict_on_create(string key)
    {
        var reply = await Api.CallPostAsync("projects", new JsonObject { ["name"] = "Kollisjon", ["key"] = key });

        ErrorAssert.Is(reply, 409, "conflict", "key");
    }

    [Fact]
    public async Task a_key_already_used_is_409_conflict_on_put_but_a_project_may_keep_its_own()
    {
        var one = await Api.CreateAsync("projects", new JsonObject { ["name"] = "Den ene" });
        var other = await Sample.FirstAsync(Api, "projects");

        one["key"] = other["key"]!.DeepClone();
        ErrorAssert.Is(await Api.CallPutAsync($"projects/{one["id"]}", one), 409, "conflict", "key");

        other["name"] = "Samme nøkkel, nytt navn";
        Assert.Equal(200, (await Api.CallPutAsync($"projects/{other["id"]}", other)).Status);
    }

    [Fact]
    public async Task put_without_a_key_keeps_the_current_key()
    {
        var project = await Sample.FirstAsync(Api, "projects");

        var reply = await Api.CallPutAsync($"projects/{project["id"]}", new JsonObject { ["name"] = "Bare navnet" });

        Assert.Equal(200, reply.Status);
        Assert.Equal((string?)project["key"], (string?)reply.Body["key"]);
        Assert.Null(reply.Body["status"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task a_blank_key_is_400(string key)
    {
        var reply = await Api.CallPostAsync("projects", new JsonObject { ["name"] = "Blank", ["key"] = key });

        ErrorAssert.Is(reply, 400, "validation_failed", "key");
    }
}
