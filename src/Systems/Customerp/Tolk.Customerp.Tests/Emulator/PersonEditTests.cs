using System.Text.Json.Nodes;

namespace Tolk.Customerp.Tests.Emulator;

public sealed class PersonEditTests(CustomerpFixture fixture) : WritingTests(fixture)
{
    [Fact]
    public async Task a_persons_edit_moves_version_and_updated_at_and_shows_in_the_api()
    {
        var before = (await Api.CallGetAsync("customers/4")).Body;
        Fixture.Time.Advance(TimeSpan.FromMinutes(7));
        var edited = await Fixture.Server.Admin.EditAsync("customers", "4", new JsonObject { ["phone"] = "+47 900 00 000" });
        var after = await Api.CallGetAsync("customers/4");
        Assert.Equal(edited.ToJsonString(), after.Body.ToJsonString());
        Assert.Equal("+47 900 00 000", (string)after.Body["phone"]!);
        Assert.Equal((int)before["version"]! + 1, (int)after.Body["version"]!);
        Assert.Equal($"\"{(int)before["version"]! + 1}\"", after.Header("ETag"));
        Assert.NotEqual((string)before["updated_at"]!, (string)after.Body["updated_at"]!);
    }

    [Fact]
    public async Task a_persons_edit_appears_in_an_incremental_read()
    {
        var mark = (string)(await Api.CallGetAsync("contacts")).Items.Last()!["updated_at"]!;
        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await Fixture.Server.Admin.EditAsync("contacts", "5", new JsonObject { ["title"] = "Innkjøper" });
        var reply = await Api.CallGetAsync($"contacts?updated_since={Uri.EscapeDataString(mark)}");
        Assert.Equal(5, (int)reply.Items.Last()!["id"]!);
        Assert.Equal("Innkjøper", (string)reply.Items.Last()!["title"]!);
    }

    [Fact]
    public async Task a_persons_edit_makes_an_old_etag_stale()
    {
        var etag = (await Api.CallGetAsync("products/2")).Header("ETag")!;
        await Fixture.Server.Admin.EditAsync("products", "2", new JsonObject { ["description"] = "Endret i skjermbildet" });
        ProblemAssert.Is(await Api.CallPatchAsync("products/2", new JsonObject { ["name"] = "API" }, ("If-Match", etag)), 412);
    }

    [Fact]
    public async Task a_persons_invalid_edit_is_refused_like_an_api_edit()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Fixture.Server.Admin.EditAsync("customers", "1", new JsonObject { ["org_number"] = "abc" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Fixture.Server.Admin.EditAsync("customers", "1", new JsonObject { ["version"] = 99 }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Fixture.Server.Admin.EditAsync("customers", "999", new JsonObject { ["city"] = "Oslo" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Fixture.Server.Admin.EditAsync("invoices", "1", new JsonObject { ["x"] = 1 }));
    }

    [Fact]
    public async Task a_persons_create_and_delete_behave_like_the_apis()
    {
        var created = await Fixture.Server.Admin.CreateAsync("employees", new JsonObject
        {
            ["first_name"] = "Ny", ["last_name"] = "Ansatt", ["email"] = "ny.ansatt@tolkdemo.no",
        });
        var id = (int)created["id"]!;
        Assert.Equal(1, (int)created["version"]!);
        Assert.Equal(200, (await Api.CallGetAsync($"employees/{id}")).Status);
        await Fixture.Server.Admin.DeleteAsync("employees", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ProblemAssert.Is(await Api.CallGetAsync($"employees/{id}"), 404);
        var deleted = (await Api.CallGetAsync($"employees/{id}?include_deleted=true")).Body;
        Assert.Equal(2, (int)deleted["version"]!);
        Assert.NotNull(deleted["deleted_at"]);
        Assert.NotNull(await Fixture.Server.Admin.GetAsync("employees", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task the_admin_channel_shows_records_in_the_apis_own_shape()
    {
        var stored = (await Fixture.Server.Admin.ListAsync("projects"))[0];
        var served = (await Api.CallGetAsync($"projects/{(int)stored["id"]!}")).Body;
        Assert.Equal(served.ToJsonString(), stored.ToJsonString());
    }
}
