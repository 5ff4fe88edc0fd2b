using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tolk.Server.Tests.Harness;

namespace Tolk.Server.Tests;

/// <summary>
/// What waits for a person and linking by hand through the management API. The small sample's Asana team "Saga Marine
/// AS" matches two Custompms customers of that name (flow 6): the projects of that team wait for it to be linked.
/// </summary>
[Collection(LinkingGroup.Name)]
public sealed class LinkingTests(ServerFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task linking_an_ambiguous_match_by_hand_lets_the_waiting_writes_through_and_the_ambiguity_is_gone()
    {
        var ambiguity = await Ambiguities.OfFlowAsync(fixture, 6);
        var team = ambiguity["record"]!;
        var candidates = ambiguity["candidates"]!.AsArray();
        Assert.Equal("asana", (string?)team["system"]);
        Assert.Equal("custompms.customer", (string?)ambiguity["side"]);
        Assert.Contains("name", ambiguity["keys"]!.AsArray().Select(k => (string?)k));
        Assert.Equal(2, candidates.Count);
        Assert.All(candidates, c => Assert.Equal((string?)team["title"], (string?)c!["title"]));
        Assert.NotEqual((string?)candidates[0]!["values"]!["org_number"], (string?)candidates[1]!["values"]!["org_number"]);
        var attention = await fixture.Api.GetFromJsonAsync<JsonObject>("api/attention");
        Assert.Contains(attention!["blocks"]!.AsArray(), b => (string?)b!["kind"] == "waiting" && (string?)b["target"] == "custompms.project customer");

        var chosen = (string)candidates[0]!["recordId"]!;
        using var link = await fixture.Api.PostAsJsonAsync("api/links", Request(team, candidates[0]!));
        using var again = await fixture.Api.PostAsJsonAsync("api/links", Request(team, candidates[1]!));

        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        Assert.NotNull((long?)(await link.Content.ReadFromJsonAsync<JsonObject>())!["clusterId"]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("unlink that one first", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await ServerFixture.EventuallyAsync(async () =>
            (await fixture.Admin("custompms").ListAsync("projects")).Any(p => (string?)p["customerId"] == chosen), Patience),
            "the projects that waited for the team were never inserted in Custompms naming the chosen customer");
        Assert.True(await ServerFixture.EventuallyAsync(async () =>
        {
            var now = await fixture.Api.GetFromJsonAsync<JsonObject>("api/attention");
            return (bool)now!["current"]!
                && !now["ambiguities"]!.AsArray().Any(a => (int)a!["flow"]! == 6)
                && !now["blocks"]!.AsArray().Any(b => (string?)b!["target"] == "custompms.project customer");
        }, Patience), "the ambiguity, or the writes that waited for it, are still listed");
        var open = await fixture.Api.GetFromJsonAsync<JsonArray>("api/errors");
        Assert.DoesNotContain(open!, e => ambiguity["errorIds"]!.AsArray().Select(i => (long)i!).Contains((long)e!["id"]!));
        var record = await fixture.Api.GetFromJsonAsync<JsonObject>($"api/records/custompms/customer/{chosen}");
        var member = record!["clusters"]![0]!["members"]!.AsArray().Single(m => (string?)m!["recordId"] == chosen)!;
        Assert.Equal("manual", (string?)member["joinedBy"]);
        Assert.Contains(record["clusters"]![0]!["members"]!.AsArray(), m => (string?)m!["recordId"] == (string?)team["recordId"]);
    }

    [Fact]
    public async Task unlinking_a_record_takes_it_out_of_its_links_for_good()
    {
        var (product, company) = await fixture.FirstLinkAsync(15);
        var unlinkedAt = DateTimeOffset.UtcNow;

        using var unlink = await fixture.Api.PostAsync($"api/records/crmoffice/company/{company}/unlink?role=product", null);
        using var twice = await fixture.Api.PostAsync($"api/records/crmoffice/company/{company}/unlink?role=product", null);

        Assert.Equal(HttpStatusCode.OK, unlink.StatusCode);
        Assert.Contains($"Unlinked crmoffice/company:product/{company}", await unlink.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
        Assert.Contains("is not linked", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await ServerFixture.EventuallyAsync(() => Task.FromResult(fixture.Runner.LastRead.GetValueOrDefault("crmoffice") > unlinkedAt), Patience),
            "no cycle read Crmoffice after the unlink");
        var record = await fixture.Api.GetFromJsonAsync<JsonObject>($"api/records/crmoffice/company/{company}");
        Assert.Empty(record!["clusters"]!.AsArray());
        var links = await fixture.Api.GetFromJsonAsync<JsonObject>("api/flows/15/links?limit=1000");
        Assert.DoesNotContain(links!["links"]!.AsArray(), l => (string?)l!["target"]!["recordId"] == company);
        Assert.NotEmpty(await fixture.Store.FindMembersAsync(new("customerp", "product"), product));
    }

    [Theory]
    [InlineData("""{"other": {"system": "asana", "datatype": "team", "recordId": "1"}}""", HttpStatusCode.BadRequest, "record is missing")]
    [InlineData("""{"record": {"system": "asana", "datatype": "team"}, "other": {}}""", HttpStatusCode.BadRequest, "record.recordId is missing")]
    [InlineData("""{"record": {"system": "Asana", "datatype": "team", "recordId": "1"}, "other": {}}""", HttpStatusCode.BadRequest, "record: 'Asana/team' is not a dataset")]
    [InlineData("""{"record": {"system": "asana", "datatype": "goal", "recordId": "1"}, "other": {}}""", HttpStatusCode.BadRequest, "record: no flow uses asana/goal")]
    [InlineData("""{"record": {"system": "asana", "datatype": "task", "recordId": "1", "role": "epic"}, "other": {}}""", HttpStatusCode.BadRequest, "in role 'epic'")]
    [InlineData("""{"record": {"system": "asana", "datatype": "team", "recordId": "no-such-team"}, "other": {}}""", HttpStatusCode.NotFound, "record: the hub has never seen asana/team record 'no-such-team'")]
    [InlineData("""{"record": {"system": "customerp", "datatype": "customer", "recordId": "1"}, "other": {"system": "customerp", "datatype": "employee"}}""", HttpStatusCode.BadRequest, "other.recordId is missing")]
    [InlineData("""{"record": {"system": "customerp", "datatype": "customer", "recordId": "1"}, "other": {"system": "customerp", "datatype": "employee", "recordId": "1"}}""", HttpStatusCode.BadRequest, "customerp/customer/1 (organization) and customerp/employee/1 (person) cannot be one thing")]
    [InlineData("""{"record": {"system": "customerp", "datatype": "customer", "recordId": "1"}, "other": {"system": "customerp", "datatype": "customer", "recordId": "2"}}""", HttpStatusCode.BadRequest, "record and other are both customerp.customer records")]
    public async Task a_link_naming_a_record_wrongly_is_refused_naming_the_field(string body, HttpStatusCode status, string message)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await fixture.Api.PostAsync("api/links", content);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task unlinking_an_unknown_record_is_404_and_a_bad_dataset_400()
    {
        using var unknown = await fixture.Api.PostAsync("api/records/trello/organization/no-such-organization/unlink", null);
        using var bad = await fixture.Api.PostAsync("api/records/Trello/organization/1/unlink", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("never seen trello/organization record 'no-such-organization'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task linking_and_unlinking_need_the_token()
    {
        using var content = new StringContent("""{"record": {"system": "customerp", "datatype": "customer", "recordId": "1"}}""", System.Text.Encoding.UTF8, "application/json");

        using var attention = await fixture.Anonymous.GetAsync("api/attention");
        using var link = await fixture.Anonymous.PostAsync("api/links", content);
        using var unlink = await fixture.Anonymous.PostAsync("api/records/customerp/customer/1/unlink", null);

        Assert.Equal(HttpStatusCode.Unauthorized, attention.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, link.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unlink.StatusCode);
        Assert.NotEmpty(await fixture.Store.FindMembersAsync(new("customerp", "customer"), "1"));
    }

    private static JsonObject Request(JsonNode record, JsonNode other) => new()
    {
        ["record"] = Key(record),
        ["other"] = Key(other),
    };

    private static JsonObject Key(JsonNode card) => new()
    {
        ["system"] = (string?)card["system"],
        ["datatype"] = (string?)card["datatype"],
        ["recordId"] = (string?)card["recordId"],
        ["role"] = (string?)card["role"],
    };
}
