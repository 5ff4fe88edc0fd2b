using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tolk.Server.Tests.Harness;

namespace Tolk.Server.Tests;

[Collection(ServerGroup.Name)]
public sealed class ApiTests(ServerFixture fixture)
{
    [Fact]
    public async Task the_flows_are_the_twenty_configured_ones_with_their_links_and_health()
    {
        var flows = (await fixture.Api.GetFromJsonAsync<JsonArray>("api/flows"))!.OfType<JsonObject>().ToList();

        Assert.Equal(Enumerable.Range(1, 20), flows.Select(f => (int)f["number"]!));
        var flow3 = flows.Single(f => (int)f["number"]! == 3);
        Assert.Equal("asana.project", (string?)flow3["source"]);
        Assert.Equal("customerp.project", (string?)flow3["target"]);
        var links = await fixture.Store.GetFlowLinksAsync(new("asana", "project"), new("customerp", "project"));
        Assert.Equal(links.Count, (int)flow3["links"]!);
        Assert.True((int)flow3["links"]! > 0);
        Assert.All(flows, f => Assert.Contains((string)f["health"]!, new[] { "ok", "errors", "paused", "blocked", "starting" }));
    }

    [Fact]
    public async Task a_flows_links_page_through_its_linked_pairs()
    {
        var first = await fixture.Api.GetFromJsonAsync<JsonObject>("api/flows/3/links?offset=0&limit=2");
        var second = await fixture.Api.GetFromJsonAsync<JsonObject>("api/flows/3/links?offset=2&limit=2");
        using var missing = await fixture.Api.GetAsync("api/flows/99/links");

        Assert.Equal(2, first!["links"]!.AsArray().Count);
        Assert.Empty(first["links"]!.AsArray().Select(l => (long)l!["clusterId"]!).Intersect(second!["links"]!.AsArray().Select(l => (long)l!["clusterId"]!)));
        Assert.All(first["links"]!.AsArray(), l => Assert.Equal("asana", (string?)l!["source"]!["system"]));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task a_record_shows_its_linked_records_in_every_system_and_their_history()
    {
        var (asana, customerp) = await fixture.FirstLinkAsync(3);

        var record = await fixture.Api.GetFromJsonAsync<JsonObject>($"api/records/asana/project/{asana}");
        using var unknown = await fixture.Api.GetAsync("api/records/asana/project/no-such-id");
        using var bad = await fixture.Api.GetAsync("api/records/Asana/project/1");

        var cluster = record!["clusters"]!.AsArray().Single()!;
        Assert.Equal("project", (string?)cluster["globalType"]);
        var members = cluster["members"]!.AsArray().Select(m => ((string)m!["system"]!, (string)m["recordId"]!)).ToList();
        Assert.Contains(("asana", asana), members);
        Assert.Contains(("customerp", customerp), members);
        Assert.True(members.Count >= 3, "the project is linked in fewer than three systems");
        Assert.Contains(cluster["golden"]!.AsArray(), g => (string?)g!["property"] == "name");
        var history = record["history"]!.AsArray();
        Assert.Contains(history, v => (string?)v!["system"] == "customerp" && (string?)v["recordId"] == customerp);
        Assert.Equal(history.Select(v => (long)v!["seq"]!).OrderDescending(), history.Select(v => (long)v!["seq"]!));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task a_conflict_shows_both_values_and_the_newer_edit_wins_everywhere()
    {
        var (id, asanaName, customerpName) = await Scenarios.ConflictAsync(fixture, 0);

        var conflict = (await fixture.Api.GetFromJsonAsync<JsonArray>("api/conflicts"))!.OfType<JsonObject>().Single(c => (long)c["id"]! == id);
        var (winner, loser) = (conflict["winner"]!, conflict["loser"]!);
        var (project, _) = await fixture.FirstLinkAsync(3, 0);

        Assert.Equal("name", (string?)conflict["property"]);
        Assert.Equal((customerpName, "customerp"), ((string?)winner["value"], (string?)winner["system"]));
        Assert.Equal((asanaName, "asana"), ((string?)loser["value"], (string?)loser["system"]));
        Assert.True((DateTimeOffset)winner["changedAt"]! > (DateTimeOffset)loser["changedAt"]!, "the older edit won");
        Assert.True(await ServerFixture.EventuallyAsync(async () =>
            (string?)(await fixture.Admin("asana").GetAsync("projects", project))?["name"] == (string?)winner["value"], TimeSpan.FromSeconds(10)),
            "Asana does not hold the winning name");
    }

    [Fact]
    public async Task a_retried_error_is_resolved_and_the_write_goes_through()
    {
        var (id, project, name) = await Scenarios.FailedWriteAsync(fixture, 1);

        using var retry = await fixture.Api.PostAsync($"api/errors/{id}/retry", null);
        using var again = await fixture.Api.PostAsync($"api/errors/{id}/retry", null);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.True(await ServerFixture.EventuallyAsync(async () =>
            (string?)(await fixture.Admin("customerp").GetAsync("projects", project))?["name"] == name, TimeSpan.FromSeconds(15)),
            "the retried write never reached Customerp");
        var open = await fixture.Api.GetFromJsonAsync<JsonArray>("api/errors");
        Assert.DoesNotContain(open!, e => (string?)e!["recordId"] == project && (string?)e["system"] == "customerp");
    }

    [Fact]
    public async Task pausing_and_resuming_a_flow_is_kept_by_the_engine()
    {
        using var pause = await fixture.Api.PostAsync("api/flows/20/pause", null);
        var paused = fixture.Engine.Control.IsPaused(fixture.Configuration.Flow(20)!);
        using var resume = await fixture.Api.PostAsync("api/flows/20/resume", null);
        using var missing = await fixture.Api.PostAsync("api/flows/99/pause", null);

        Assert.Equal("paused", (string?)(await pause.Content.ReadFromJsonAsync<JsonObject>())!["health"]);
        Assert.True(paused);
        Assert.False(fixture.Engine.Control.IsPaused(fixture.Configuration.Flow(20)!));
        Assert.False((bool)(await resume.Content.ReadFromJsonAsync<JsonObject>())!["paused"]!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task the_change_feed_tells_a_persons_edit_from_tolks_write_of_it()
    {
        var (asana, customerp) = await fixture.FirstLinkAsync(3, 2);
        var notes = $"Feed check {Guid.NewGuid():N}";
        await fixture.Admin("asana").EditAsync("projects", asana, new JsonObject { ["notes"] = notes });

        JsonObject? edit = null, write = null;
        Assert.True(await ServerFixture.EventuallyAsync(async () =>
        {
            var changes = (await fixture.Api.GetFromJsonAsync<JsonArray>("api/changes?limit=200"))!.OfType<JsonObject>().ToList();
            edit = changes.FirstOrDefault(c => (string?)c["system"] == "asana" && (string?)c["recordId"] == asana && (string?)c["origin"] == "edit");
            write = changes.FirstOrDefault(c => (string?)c["system"] == "customerp" && (string?)c["recordId"] == customerp && (string?)c["origin"] == "tolk");
            return edit is not null && write is not null && (long)write["seq"]! > (long)edit["seq"]!;
        }, TimeSpan.FromSeconds(10)), "the feed never showed the edit and Tolk's write of it");

        Assert.Contains("notes", edit!["fields"]!.AsArray().Select(f => (string?)f));
        Assert.Contains("description", write!["fields"]!.AsArray().Select(f => (string?)f));
        Assert.Equal("asana", (string?)write["from"]);
        Assert.Equal("project", (string?)write["globalType"]);
    }

    [Fact]
    public async Task prometheus_metrics_count_reads_writes_calls_and_the_sync_loop()
    {
        var metrics = await fixture.Api.GetStringAsync("metrics");

        Assert.Contains("tolk_records_read_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("datatype=\"project\"", metrics, StringComparison.Ordinal);
        Assert.Contains("tolk_records_written_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("tolk_api_calls_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("tolk_sync_cycles_total", metrics, StringComparison.Ordinal);
        Assert.Contains("tolk_sync_lag_seconds{", metrics, StringComparison.Ordinal);
        Assert.Contains("tolk_sync_queue", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_openapi_document_describes_the_management_api()
    {
        var document = await fixture.Api.GetFromJsonAsync<JsonObject>("openapi/v1.json");

        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/flows", paths);
        Assert.Contains("/api/errors/{id}/retry", paths);
        Assert.Contains("/api/records/{system}/{datatype}/{id}", paths);
        Assert.Contains("/api/attention", paths);
        Assert.Contains("/api/links", paths);
        Assert.Contains("/api/records/{system}/{datatype}/{id}/unlink", paths);
        Assert.NotNull(document["paths"]!["/api/links"]!["post"]!["requestBody"]);
        Assert.DoesNotContain(paths, p => p.StartsWith("/webhooks", StringComparison.Ordinal));
    }
}
