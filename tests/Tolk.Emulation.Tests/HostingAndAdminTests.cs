using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tolk.Emulation.Admin;

namespace Tolk.Emulation.Tests;

public sealed class HostingAndAdminTests(KernelFixture fixture) : IClassFixture<KernelFixture>
{
    [Fact]
    public async Task serves_the_api_on_a_loopback_port_under_its_prefix()
    {
        await fixture.Server.Admin.ResetAsync();
        Assert.Equal("127.0.0.1", fixture.Server.BaseUrl.Host);
        Assert.EndsWith("/api/", fixture.Server.BaseUrl.AbsoluteUri);
        var notes = await fixture.Api.GetFromJsonAsync<List<JsonObject>>("notes");
        Assert.Equal(3, notes!.Count);
    }

    [Fact]
    public async Task a_person_edit_goes_through_the_emulator_and_touches_the_record()
    {
        await fixture.Server.Admin.ResetAsync();
        var edited = await fixture.Server.Admin.EditAsync("notes", "2", new JsonObject { ["text"] = "changed by a person" });
        Assert.Equal("changed by a person", (string?)edited["text"]);
        Assert.Equal(fixture.Time.GetUtcNow().ToString("O"), (string?)edited["edited"]);
        var stored = await fixture.Server.Admin.GetAsync("notes", "2");
        Assert.Equal("changed by a person", (string?)stored!["text"]);
    }

    [Fact]
    public async Task editing_an_unknown_record_is_a_clear_error()
    {
        await fixture.Server.Admin.ResetAsync();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Server.Admin.EditAsync("notes", "999", new JsonObject { ["text"] = "x" }));
        Assert.Contains("no notes record with id '999'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_call_log_counts_api_calls_but_not_admin_calls()
    {
        await fixture.Server.Admin.ResetAsync();
        await fixture.Api.GetAsync("notes");
        await fixture.Api.GetAsync("notes");
        await fixture.Server.Admin.ListAsync("notes");
        var page = await fixture.Server.Admin.CallsAsync();
        Assert.Equal(2, page.Total);
        Assert.All(page.Calls, c => Assert.Equal("/api/notes", c.Path));
        Assert.All(page.Calls, c => Assert.Equal(200, c.Status));
    }

    [Fact]
    public async Task reset_with_another_seed_reseeds_and_an_empty_reset_empties()
    {
        await fixture.Server.Admin.ResetAsync(new ResetRequest(Seed: 7));
        var withSeven = await fixture.Server.Admin.ListAsync("notes");
        await fixture.Server.Admin.ResetAsync(new ResetRequest(Seed: 42));
        var withDefault = await fixture.Server.Admin.ListAsync("notes");
        Assert.NotEqual((string?)withSeven[0]["text"], (string?)withDefault[0]["text"]);
        await fixture.Server.Admin.ResetAsync(new ResetRequest(Empty: true));
        Assert.Empty(await fixture.Server.Admin.ListAsync("notes"));
        await fixture.Server.Admin.ResetAsync(new ResetRequest(Seed: 42));
    }

    [Fact]
    public async Task an_unknown_size_is_refused_by_name()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Server.Admin.ResetAsync(new ResetRequest(Size: "huge")));
        Assert.Contains("size: 'huge'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task unknown_settings_are_refused_by_name()
    {
        using var response = await fixture.Server.Admin.SetSettingsAsync(new JsonObject()).ContinueWith(_ =>
            new HttpClient().PutAsJsonAsync(new Uri(fixture.Server.HostUrl, "_emulator/settings"), new JsonObject { ["speed"] = 3 })).Unwrap();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("speed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
